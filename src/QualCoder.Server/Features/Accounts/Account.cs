using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Accounts;

/// <summary>Someone registered; the first account on an empty server becomes its administrator.</summary>
public sealed record AccountRegistered(
    Guid AccountId, string Email, string DisplayName, string PasswordHash, bool IsServerAdmin, Actor Actor, DateTimeOffset At);

/// <summary>
/// A personal access token was made. Only its SHA-256 hash is kept; the secret was shown once. Scope came later, so
/// events stored before it have none and their tokens are full.
/// </summary>
public sealed record AccessTokenCreated(
    Guid AccountId, Guid TokenId, string Name, string TokenHash, string Hint, DateTimeOffset? ExpiresAt, Actor Actor, DateTimeOffset At,
    TokenScope? Scope = null);

/// <summary>A personal access token was revoked and no longer authenticates.</summary>
public sealed record AccessTokenRevoked(Guid AccountId, Guid TokenId, Actor Actor, DateTimeOffset At);

public sealed record AccessToken(
    Guid Id, string Name, string Hash, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, TokenScope Scope = TokenScope.Full)
{
    public bool IsValidAt(DateTimeOffset now) => ExpiresAt is null || ExpiresAt > now;
}

/// <summary>
/// An account's stream folded into one document (inline snapshot): what sign-in and token authentication look up,
/// and the state the account's decide functions check. Email is stored lower-cased; it is unique.
/// </summary>
public sealed record Account(
    Guid Id,
    string Email,
    string DisplayName,
    string PasswordHash,
    bool IsServerAdmin,
    DateTimeOffset RegisteredAt,
    IReadOnlyList<AccessToken> Tokens)
{
    public long Version { get; set; }

    public static Account Create(AccountRegistered e) =>
        new(e.AccountId, e.Email, e.DisplayName, e.PasswordHash, e.IsServerAdmin, e.At, []);

    public Account Apply(AccessTokenCreated e) =>
        this with { Tokens = [.. Tokens, new AccessToken(e.TokenId, e.Name, e.TokenHash, e.Hint, e.At, e.ExpiresAt, e.Scope ?? TokenScope.Full)] };

    public Account Apply(AccessTokenRevoked e) => this with { Tokens = [.. Tokens.Where(t => t.Id != e.TokenId)] };
}
