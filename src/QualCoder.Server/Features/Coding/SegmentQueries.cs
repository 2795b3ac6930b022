using Marten;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Coding;

/// <summary>A coding of a code, with the name of the source it is in.</summary>
public sealed record CodeSegmentView(Segment Segment, string SourceName);

/// <summary>The reads of codings: by source, by code. Each is one indexed query (plus one for source names).</summary>
public static class SegmentQueries
{
    internal static void MapSegmentsOfSource(RouteGroupBuilder project) => project
        .MapGet("/sources/{sourceId:guid}/segments", async (Guid projectId, Guid sourceId, Guid? coderId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var batch = session.CreateBatchQuery();
            var projectLoad = batch.Load<Project>(projectId);
            var sourceLoad = batch.Load<Source>(sourceId);
            var segmentsLoad = coderId is { } coder
                ? batch.Query<Segment>().Where(s => s.SourceId == sourceId && s.CoderId == coder).OrderBy(s => s.Start).ToList()
                : batch.Query<Segment>().Where(s => s.SourceId == sourceId).OrderBy(s => s.Start).ToList();
            await batch.Execute(ct);
            if (ProjectAccess.Require(await projectLoad, http.User.ToActor(), ProjectRole.Viewer, "SEGMENTS") is { } denied)
            {
                return denied.ToProblem();
            }

            return await sourceLoad is { } source && source.BelongsTo(projectId)
                ? TypedResults.Ok(await segmentsLoad)
                : Missing("SEGMENTS/SOURCE_NOT_FOUND", "The project has no source with this id.");
        })
        .WithName("ListSegmentsOfSource")
        .WithSummary("Every coding of a source (optionally one coder's), by position.")
        .Produces<IReadOnlyList<Segment>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    internal static void MapSegmentsOfCode(RouteGroupBuilder project) => project
        .MapGet("/codes/{codeId:guid}/segments", async (Guid projectId, Guid codeId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var batch = session.CreateBatchQuery();
            var projectLoad = batch.Load<Project>(projectId);
            var codebookLoad = batch.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId));
            var segmentsLoad = batch.Query<Segment>().Where(s => s.ProjectId == projectId && s.CodeId == codeId).ToList();
            await batch.Execute(ct);
            if (ProjectAccess.Require(await projectLoad, http.User.ToActor(), ProjectRole.Viewer, "SEGMENTS") is { } denied)
            {
                return denied.ToProblem();
            }

            if ((await codebookLoad)?.FindCode(codeId) is null)
            {
                return Missing("SEGMENTS/CODE_NOT_FOUND", "The project's codebook has no code with this id.");
            }

            var segments = await segmentsLoad;
            var names = (await session.LoadManyAsync<Source>(ct, segments.Select(s => s.SourceId).Distinct())).ToDictionary(s => s.Id, s => s.Name);
            return TypedResults.Ok(segments
                .OrderBy(s => names.GetValueOrDefault(s.SourceId), StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Start)
                .Select(s => new CodeSegmentView(s, names.GetValueOrDefault(s.SourceId) ?? ""))
                .ToList());
        })
        .WithName("ListSegmentsOfCode")
        .WithSummary("Every coding of a code across the project's sources, with quotes and source names.")
        .Produces<IReadOnlyList<CodeSegmentView>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    internal static IResult Missing(string code, string message) => ProblemResponses.Problem(StatusCodes.Status404NotFound, code, message);
}
