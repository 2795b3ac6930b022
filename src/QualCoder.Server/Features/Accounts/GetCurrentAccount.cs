using Marten;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Accounts;

public static class GetCurrentAccount
{
    internal static void Map(IEndpointRouteBuilder auth) => auth
        .MapGet("/me", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var account = await session.LoadAsync<Account>(http.User.ToActor().AccountId, ct);
            return account is null
                ? ProblemResponses.Problem(StatusCodes.Status401Unauthorized, "AUTH/UNAUTHENTICATED", "This account no longer exists.")
                : TypedResults.Ok(AccountView.Of(account));
        })
        .WithName("GetCurrentAccount")
        .WithSummary("The signed-in account.")
        .Produces<AccountView>()
        .ProducesProblem(StatusCodes.Status401Unauthorized);
}
