using System.Text.Encodings.Web;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Accounts;

/// <summary>Authenticates <c>Authorization: Bearer qcw_…</c> with one indexed lookup of the token's hash.</summary>
public sealed class AccessTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IQuerySession session,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AccessToken";

    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = AccessTokenSecret.Hash(Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim());
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Tokens.Any(t => t.Hash == hash), Context.RequestAborted);
        var token = account?.Tokens.FirstOrDefault(t => t.Hash == hash);
        return token is null || !token.IsValidAt(clock.GetUtcNow())
            ? AuthenticateResult.Fail("The access token is unknown, revoked or expired.")
            : AuthenticateResult.Success(new AuthenticationTicket(CallerActor.PrincipalFor(account!, SchemeName, token.Scope), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblem(Response, StatusCodes.Status401Unauthorized, "AUTH/UNAUTHENTICATED",
            "Sign in, or send a valid personal access token as 'Authorization: Bearer <token>'.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(Response, StatusCodes.Status403Forbidden, "AUTH/FORBIDDEN", "Your account may not do this.");

    /// <summary>Authentication answers before any endpoint runs, so it writes its problem details itself.</summary>
    public static Task WriteProblem(HttpResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        return response.WriteAsync(JsonSerializer.Serialize(ProblemResponses.Details(status, code, message), JsonSerializerOptions.Web));
    }
}
