using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Codebook;
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
            var (error, _, segments) = await OfSourceAsync(session, projectId, sourceId, coderId, http.User.ToActor(), "SEGMENTS", ct);
            return error is not null ? error.ToProblem() : TypedResults.Ok(segments);
        })
        .WithName("ListSegmentsOfSource")
        .WithSummary("Every coding of a source (optionally one coder's), by position.")
        .Produces<IReadOnlyList<Segment>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    internal static void MapSegmentsOfCode(RouteGroupBuilder project) => project
        .MapGet("/codes/{codeId:guid}/segments", async (Guid projectId, Guid codeId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, _, segments) = await OfCodeAsync(session, projectId, codeId, http.User.ToActor(), "SEGMENTS", ct);
            return error is not null ? error.ToProblem() : TypedResults.Ok(segments);
        })
        .WithName("ListSegmentsOfCode")
        .WithSummary("Every coding of a code across the project's sources, with quotes and source names.")
        .Produces<IReadOnlyList<CodeSegmentView>>()
        .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>
    /// A source and its codings (or one coder's), by position, in one round trip, for a caller allowed to read the
    /// project; otherwise the refusal, under <paramref name="codePrefix"/>.
    /// </summary>
    public static async Task<(DomainError? Error, Source? Source, IReadOnlyList<Segment> Segments)> OfSourceAsync(
        IQuerySession session, Guid projectId, Guid sourceId, Guid? coderId, Actor actor, string codePrefix, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var sourceLoad = batch.Load<Source>(sourceId);
        var ofSource = batch.Query<Segment>().Where(s => s.SourceId == sourceId);
        var segmentsLoad = (coderId is { } coder ? ofSource.Where(s => s.CoderId == coder) : ofSource).OrderBy(s => s.Start).ToList();
        await batch.Execute(ct);
        if (ProjectAccess.Require(await projectLoad, actor, ProjectRole.Viewer, codePrefix) is { } denied)
        {
            return (denied, null, []);
        }

        return await sourceLoad is { } source && source.BelongsTo(projectId)
            ? (null, source, await segmentsLoad)
            : (DomainError.NotFound($"{codePrefix}/SOURCE_NOT_FOUND", "The project has no source with this id."), null, []);
    }

    /// <summary>
    /// A code and its codings across the project's sources, by source name then position, for a caller allowed to
    /// read the project; otherwise the refusal, under <paramref name="codePrefix"/>.
    /// </summary>
    public static async Task<(DomainError? Error, Code? Code, IReadOnlyList<CodeSegmentView> Segments)> OfCodeAsync(
        IQuerySession session, Guid projectId, Guid codeId, Actor actor, string codePrefix, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var codebookLoad = batch.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId));
        var segmentsLoad = batch.Query<Segment>().Where(s => s.ProjectId == projectId && s.CodeId == codeId).ToList();
        await batch.Execute(ct);
        if (ProjectAccess.Require(await projectLoad, actor, ProjectRole.Viewer, codePrefix) is { } denied)
        {
            return (denied, null, []);
        }

        if ((await codebookLoad)?.FindCode(codeId) is not { } code)
        {
            return (DomainError.NotFound($"{codePrefix}/CODE_NOT_FOUND", "The project's codebook has no code with this id."), null, []);
        }

        var segments = await segmentsLoad;
        var names = (await session.LoadManyAsync<Source>(ct, segments.Select(s => s.SourceId).Distinct())).ToDictionary(s => s.Id, s => s.Name);
        return (null, code, segments
            .OrderBy(s => names.GetValueOrDefault(s.SourceId), StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Start)
            .Select(s => new CodeSegmentView(s, names.GetValueOrDefault(s.SourceId) ?? ""))
            .ToList());
    }
}
