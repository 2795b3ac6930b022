namespace QualCoder.Server.Features.Accounts;

/// <summary>
/// What a personal access token may do over MCP: read, also suggest (reads plus the suggest_* tools), or everything
/// its account may do. Tokens made before scopes existed, and cookie sessions, are full.
/// </summary>
public enum TokenScope
{
    Read,
    Suggest,
    Full,
}

public static class TokenScopes
{
    public const string Claim = "qualcoder:token_scope";

    /// <summary>The scope a request names ("read", "suggest", "full"; none: full), or null when it names another.</summary>
    public static TokenScope? Parse(string? requested) => requested?.Trim().ToLowerInvariant() switch
    {
        null or "" or "full" => TokenScope.Full,
        "suggest" => TokenScope.Suggest,
        "read" => TokenScope.Read,
        _ => null,
    };

    public static string Name(TokenScope scope) => scope.ToString().ToLowerInvariant();
}
