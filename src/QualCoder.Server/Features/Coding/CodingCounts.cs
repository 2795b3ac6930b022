using Marten;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Coding;

public sealed record CountOf(Guid Id, int Count);

public sealed record CodingCountsReply(int Total, IReadOnlyList<CountOf> PerCode, IReadOnlyList<CountOf> PerSource);

/// <summary>How many codings each code and each source has: two grouped queries over the indexed segment columns.</summary>
public static class CodingCounts
{
    public static async Task<IReadOnlyList<CountOf>> CountByAsync(IQuerySession session, Guid projectId, string column, CancellationToken ct)
    {
        var table = session.DocumentStore.Options.Schema.For<Segment>();
        return await session.QueryAsync<CountOf>(
            $"select jsonb_build_object('id', {column}, 'count', count(*)) from {table} where project_id = ? group by {column}", ct, projectId);
    }

    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/coding/counts", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (ProjectAccess.Require(await session.LoadAsync<Project>(projectId, ct), http.User.ToActor(), ProjectRole.Viewer, "CODING_COUNTS") is { } denied)
            {
                return denied.ToProblem();
            }

            var perCode = await CountByAsync(session, projectId, "code_id", ct);
            var perSource = await CountByAsync(session, projectId, "source_id", ct);
            return TypedResults.Ok(new CodingCountsReply(perCode.Sum(c => c.Count), perCode, perSource));
        })
        .WithName("CodingCounts")
        .WithSummary("The number of codings per code and per source.")
        .Produces<CodingCountsReply>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
