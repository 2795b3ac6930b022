using Marten;
using Marten.Services.BatchQuerying;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Sources;

/// <summary>A source without its text: what lists show. Length is in code points; Version goes back as expectedVersion.</summary>
public sealed record SourceView(
    Guid Id,
    string Name,
    string Format,
    string Memo,
    string Origin,
    Guid? FolderId,
    int Length,
    int CodingCount,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <param name="version">
    /// The source's stream version. Codings are appended to the same stream but do not change the <see cref="Source"/>
    /// document, so its own Version lags behind; the stream's is the one an expectedVersion is compared with.
    /// </param>
    public static SourceView Of(Source source, int codingCount, long version) => new(
        source.Id, source.Name, source.Format, source.Memo, source.Origin, source.FolderId, source.Length, codingCount,
        source.CreatedBy.AccountId, source.CreatedAt, source.UpdatedAt, version);

    /// <summary>How many codings a source has, counted over the indexed segment rows, as part of a batch.</summary>
    internal static async Task<int> CodingsOf(IBatchedQuery batch, Guid sourceId) =>
        (int)await batch.Query<Segment>().Where(s => s.SourceId == sourceId).Count();

    /// <summary>What a view needs besides the source's document (its coding count and stream version), as part of a batch.</summary>
    internal static async Task<(int Codings, long Version)> ExtrasOf(IBatchedQuery batch, Guid sourceId)
    {
        var codings = CodingsOf(batch, sourceId);
        var stream = batch.Events.FetchStreamState(sourceId);
        return (await codings, (await stream)?.Version ?? 0);
    }

    /// <summary>The source as it is now, in one round trip; for replies after a command succeeded.</summary>
    internal static async Task<SourceView> LoadAsync(IQuerySession session, Guid sourceId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var source = batch.Load<Source>(sourceId);
        var extras = ExtrasOf(batch, sourceId);
        await batch.Execute(ct);
        var (codings, version) = await extras;
        return Of((await source)!, codings, version);
    }
}

public static class GetSource
{
    internal static void Map(RouteGroupBuilder sources) => sources
        .MapGet("/{sourceId:guid}", async (Guid projectId, Guid sourceId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var batch = session.CreateBatchQuery();
            var project = batch.Load<Project>(projectId);
            var source = batch.Load<Source>(sourceId);
            var extras = SourceView.ExtrasOf(batch, sourceId);
            await batch.Execute(ct);

            var (codings, version) = await extras;
            return SourceAccess.Require(await project, await source, http.User.ToActor(), ProjectRole.Viewer, "SOURCE") is { } error
                ? error.ToProblem()
                : TypedResults.Ok(SourceView.Of((await source)!, codings, version));
        })
        .WithName("GetSource")
        .WithSummary("One source of the project, without its text (read that in pages from /text).")
        .Produces<SourceView>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
