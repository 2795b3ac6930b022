using System.Security.Cryptography;
using System.Text;

namespace QualCoder.Server.Features.Projects;

/// <summary>
/// The ids of a project's one-per-project streams (its codebook, its folder tree), derived from the project id so
/// that no lookup is needed to find them and no two projects can ever share one.
/// </summary>
public static class ProjectStreams
{
    public static Guid CodebookOf(Guid projectId) => Derive(projectId, "codebook");

    public static Guid FoldersOf(Guid projectId) => Derive(projectId, "folders");

    private static Guid Derive(Guid projectId, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"qualcoder:{kind}:{projectId:N}"));
        // Mark it as an RFC 9562 version 8 (custom) UUID so it cannot collide with the v7 ids we generate.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
