using Marten;
using Marten.Services.BatchQuerying;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Coding;

public sealed record CountOf(Guid Id, int Count);

public sealed record CodingCountsReply(int Total, IReadOnlyList<CountOf> PerCode, IReadOnlyList<CountOf> PerSource);

/// <summary>How many codings each code or each source has: one grouped query over an indexed segment column.</summary>
public static class CodingCounts
{
    public const string ByCode = "code_id";
    public const string BySource = "source_id";

    /// <summary>Adds the count per <paramref name="column"/> (<see cref="ByCode"/> or <see cref="BySource"/>) to a batch.</summary>
    public static Task<IReadOnlyList<CountOf>> CountBy(IBatchedQuery batch, IQuerySession session, Guid projectId, string column) =>
        batch.Query<CountOf>(
            $"select jsonb_build_object('id', {column}, 'count', count(*)) from {session.DocumentStore.Options.Schema.For<Segment>()} " +
            $"where project_id = ? group by {column}",
            projectId);

    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/coding/counts", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var batch = session.CreateBatchQuery();
            var projectLoad = batch.Load<Project>(projectId);
            var perCodeLoad = CountBy(batch, session, projectId, ByCode);
            var perSourceLoad = CountBy(batch, session, projectId, BySource);
            await batch.Execute(ct);
            if (ProjectAccess.Require(await projectLoad, http.User.ToActor(), ProjectRole.Viewer, "CODING_COUNTS") is { } denied)
            {
                return denied.ToProblem();
            }

            var perCode = await perCodeLoad;
            return TypedResults.Ok(new CodingCountsReply(perCode.Sum(c => c.Count), perCode, await perSourceLoad));
        })
        .WithName("CodingCounts")
        .WithSummary("The number of codings per code and per source.")
        .Produces<CodingCountsReply>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
