using Marten;

namespace QualCoder.Server.Features.Accounts;

/// <summary>A token as listed: enough to recognise it, never the secret or its hash.</summary>
public sealed record AccessTokenView(Guid Id, string Name, string Hint, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Scope);

public static class ListAccessTokens
{
    internal static void Map(IEndpointRouteBuilder tokens) => tokens
        .MapGet("/", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var account = await session.LoadAsync<Account>(http.User.ToActor().AccountId, ct);
            var views = (account?.Tokens ?? [])
                .OrderByDescending(t => t.CreatedAt)
                .Select(t => new AccessTokenView(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, TokenScopes.Name(t.Scope)))
                .ToList();
            return TypedResults.Ok(views);
        })
        .WithName("ListAccessTokens")
        .WithSummary("The caller's personal access tokens, newest first.")
        .Produces<List<AccessTokenView>>();
}
