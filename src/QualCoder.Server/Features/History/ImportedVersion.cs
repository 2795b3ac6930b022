using Marten;
using QualCoder.Server.Realtime;

namespace QualCoder.Server.Features.History;

/// <summary>
/// The first version of an imported project: every event the import wrote, written by the import in its own
/// transaction. A big import holds its sequence numbers for longer than the daemon waits for a gap (Marten's 3 s),
/// and when other projects write meanwhile the daemon moves on past them, so the <see cref="VersionBatcher"/> might
/// never see them. When it does see them, the closes drop its parts as already covered (<see cref="VersionWindow"/>),
/// so either way each imported event is in exactly one version.
/// </summary>
public static class ImportedVersion
{
    /// <summary>Stores version 1 of <paramref name="projectId"/>, over the project's events written so far in this session's transaction.</summary>
    public static async Task StoreAsync(IDocumentSession session, Guid projectId, DateTimeOffset closedAt, CancellationToken ct)
    {
        var changes = await ProjectChanges.BetweenAsync(session, projectId, 0, long.MaxValue, int.MaxValue, ct);
        if (changes.Count > 0)
        {
            session.Store(VersionWindow.Combine([VersionPart.Of(projectId, changes)], 1, closedAt));
        }
    }
}
