using System.Security.Cryptography;
using System.Text;

namespace QualCoder.Server.Features.Accounts;

/// <summary>
/// A personal access token is 32 random bytes behind a recognisable prefix (so secret scanners can spot a leaked
/// one). The server keeps only its SHA-256: a slow hash is unnecessary for a secret with 256 bits of entropy.
/// </summary>
public static class AccessTokenSecret
{
    public const string Prefix = "qcw_";

    public static (string Secret, string Hash, string Hint) New()
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, Hash(secret), $"{Prefix}…{secret[^4..]}");
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
