using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Accounts;

public sealed record CreateAccessToken(Guid TokenId, string Name, string TokenHash, string Hint, int? ExpiresInDays, Actor Actor, string? Scope = null);

/// <summary>Scope: "read", "suggest" or "full" (the default).</summary>
public sealed record CreateAccessTokenRequest(string Name, int? ExpiresInDays = null, string? Scope = null);

/// <summary>The only time the secret is ever shown.</summary>
public sealed record CreatedAccessToken(Guid Id, string Name, string Token, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Scope);

public static class CreateAccessTokenHandler
{
    private const string Refused = "TOKEN_NOT_CREATED";
    public const int MaxLifetimeDays = 3650;

    public static Decision Decide(Account? account, CreateAccessToken command, DateTimeOffset now)
    {
        if (account is null)
        {
            return DomainError.Unauthenticated($"{Refused}/NO_ACCOUNT", "This account no longer exists.");
        }

        if (Names.Check(command.Name, 100, Refused, "token name", out var name) is { } badName)
        {
            return badName;
        }

        if (command.ExpiresInDays is < 1 or > MaxLifetimeDays)
        {
            return DomainError.Invalid($"{Refused}/INVALID_EXPIRY", $"expiresInDays must be between 1 and {MaxLifetimeDays}, or left out for a token that does not expire.");
        }

        if (TokenScopes.Parse(command.Scope) is not { } scope)
        {
            return DomainError.Invalid($"{Refused}/INVALID_SCOPE", "scope must be \"read\", \"suggest\" or \"full\", or left out for full access.");
        }

        if (account.Tokens.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return DomainError.Conflict($"{Refused}/DUPLICATE_NAME", $"You already have a token named \"{name}\". Revoke it or choose another name.");
        }

        DateTimeOffset? expiresAt = command.ExpiresInDays is { } days ? now.AddDays(days) : null;
        return Decision.Accept(new AccessTokenCreated(account.Id, command.TokenId, name, command.TokenHash, command.Hint, expiresAt, command.Actor, now, scope));
    }

    public static Task<CommandOutcome> Handle(CreateAccessToken command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync<Account>(command.Actor.AccountId, null, a => Decide(a, command, clock.GetUtcNow()), ct);

    internal static void Map(IEndpointRouteBuilder tokens) => tokens
        .MapPost("/", async (CreateAccessTokenRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var (secret, hash, hint) = AccessTokenSecret.New();
            var command = new CreateAccessToken(Guid.CreateVersion7(), body.Name, hash, hint, body.ExpiresInDays, http.User.ToActor(), body.Scope);
            var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
            if (outcome.Error is { } error)
            {
                return error.ToProblem();
            }

            var account = await session.LoadAsync<Account>(command.Actor.AccountId, ct);
            var token = account!.Tokens.Single(t => t.Id == command.TokenId);
            return TypedResults.Created(
                $"/api/account/tokens/{token.Id}", new CreatedAccessToken(token.Id, token.Name, secret, token.Hint, token.CreatedAt, token.ExpiresAt, TokenScopes.Name(token.Scope)));
        })
        .WithName("CreateAccessToken")
        .WithSummary("Creates a personal access token for the API and MCP. The token is in this response only; store it now.")
        .Produces<CreatedAccessToken>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
