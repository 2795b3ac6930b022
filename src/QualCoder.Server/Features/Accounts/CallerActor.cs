using System.Security.Claims;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Accounts;

/// <summary>The claims every authenticated caller carries, whether signed in by cookie or by access token.</summary>
public static class CallerActor
{
    public const string ServerAdminClaim = "qualcoder:server_admin";

    /// <summary>A cookie session acts with everything its account may do; a token carries the scope it was made with.</summary>
    public static ClaimsPrincipal PrincipalFor(Account account, string authenticationType, TokenScope scope = TokenScope.Full) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new Claim(ClaimTypes.Name, account.DisplayName),
            new Claim(ClaimTypes.Email, account.Email),
            new Claim(ServerAdminClaim, account.IsServerAdmin ? "true" : "false"),
            new Claim(TokenScopes.Claim, TokenScopes.Name(scope)),
        ],
        authenticationType));

    /// <summary>The scope the caller acts with: without the claim (a cookie issued before scopes) full, with an unreadable one read.</summary>
    public static TokenScope Scope(this ClaimsPrincipal user) =>
        TokenScopes.Parse(user.FindFirstValue(TokenScopes.Claim)) ?? TokenScope.Read;

    /// <summary>The actor of an authenticated request; endpoints reach this only behind authorisation.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The endpoint must require an authenticated caller.")));
}
