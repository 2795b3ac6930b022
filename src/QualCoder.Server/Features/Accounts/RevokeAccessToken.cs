using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Accounts;

public sealed record RevokeAccessToken(Guid TokenId, Actor Actor);

public static class RevokeAccessTokenHandler
{
    public static Decision Decide(Account? account, RevokeAccessToken command, DateTimeOffset now) =>
        account?.Tokens.Any(t => t.Id == command.TokenId) == true
            ? Decision.Accept(new AccessTokenRevoked(account.Id, command.TokenId, command.Actor, now))
            : DomainError.NotFound("TOKEN_NOT_REVOKED/NOT_FOUND", "You have no access token with this id; it may be revoked already.");

    public static Task<CommandOutcome> Handle(RevokeAccessToken command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync<Account>(command.Actor.AccountId, null, a => Decide(a, command, clock.GetUtcNow()), ct);

    internal static void Map(IEndpointRouteBuilder tokens) => tokens
        .MapDelete("/{tokenId:guid}", async (Guid tokenId, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new RevokeAccessToken(tokenId, http.User.ToActor()), ct);
            return outcome.ToHttp(TypedResults.NoContent);
        })
        .WithName("RevokeAccessToken")
        .WithSummary("Revokes one of the caller's personal access tokens at once.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound);
}
