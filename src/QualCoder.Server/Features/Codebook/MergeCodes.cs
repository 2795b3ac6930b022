using System.Linq.Expressions;
using Marten;
using Marten.Linq.MatchesSql;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Merges code <c>CodeId</c> into <c>IntoCodeId</c>: every coding of the first becomes the second's, and the first is gone.</summary>
public sealed record MergeCodes(Guid ProjectId, Guid CodeId, Guid IntoCodeId, long? ExpectedVersion, Actor Actor);

public sealed record MergeCodesRequest(Guid IntoCodeId, long? ExpectedVersion = null);

public static class MergeCodesHandler
{
    private const string Refused = "CODES_NOT_MERGED";

    public static Decision Decide(Project? project, Codebook? codebook, MergeCodes command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCode(command.CodeId) is null)
        {
            return CodebookRules.CodeNotFound(Refused);
        }

        if (command.IntoCodeId == command.CodeId)
        {
            return DomainError.Invalid($"{Refused}/SAME_CODE", "A code cannot be merged into itself. Choose another code to merge it into.");
        }

        return book.FindCode(command.IntoCodeId) is null
            ? DomainError.NotFound($"{Refused}/NOT_FOUND", "There is no code to merge into with this id in this project.")
            : Decision.Accept(new CodesMerged(command.ProjectId, command.CodeId, command.IntoCodeId, command.Actor, now));
    }

    /// <summary>
    /// One round trip loads the project, the codebook, the codings of the merged code and those of the code merged
    /// into that share a source with them (the others cannot meet them); a second, only when the merged code has
    /// codings, fetches their sources for writing (with the texts where codings of both codes meet).
    /// </summary>
    public static async Task<CommandOutcome> Handle(MergeCodes command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(command.ProjectId);
        var codebookLoad = batch.Events.FetchForWriting<Codebook>(ProjectStreams.CodebookOf(command.ProjectId));
        var codingsLoad = batch.Query<Segment>().Where(CodingsThatMayMeet(session, command)).ToList();
        await batch.Execute(ct);
        var codebook = await codebookLoad;

        var outcome = codebook.Conclude(command.ExpectedVersion, Decide(await projectLoad, codebook.Aggregate, command, now));
        var codings = await codingsLoad;
        var moving = codings.Where(s => s.CodeId == command.CodeId).Select(s => s.SourceId).Distinct().ToList();
        if (outcome.Error is null && moving.Count > 0)
        {
            var meeting = moving.Where(id => codings.Any(s => s.SourceId == id && s.CodeId == command.IntoCodeId)).ToList();
            var sources = await CodingStreams.FetchAsync(session, moving, meeting, ct);
            sources.Append(SegmentMerge.Plan(command.CodeId, command.IntoCodeId, codings, sources.Texts, command.Actor, now));
        }

        return outcome;
    }

    /// <summary>The codings of the merged code, and those of the code merged into in the same sources.</summary>
    internal static Expression<Func<Segment, bool>> CodingsThatMayMeet(IQuerySession session, MergeCodes command)
    {
        var (projectId, from, into) = (command.ProjectId, command.CodeId, command.IntoCodeId);
        var segments = session.DocumentStore.Options.Schema.For<Segment>(qualified: true);
        var inSourcesOfFrom = $"source_id in (select f.source_id from {segments} as f where f.project_id = ? and f.code_id = ?)";
        return s => s.ProjectId == projectId && (s.CodeId == from || (s.CodeId == into && s.MatchesSql(inSourcesOfFrom, projectId, from)));
    }

    internal static void Map(RouteGroupBuilder project) => project
        .MapPost("/codes/{codeId:guid}/merge", (Guid projectId, Guid codeId, MergeCodesRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var command = new MergeCodes(projectId, codeId, body.IntoCodeId, body.ExpectedVersion, actor);
            return bus.SendForCodeAsync(command, projectId, body.IntoCodeId, actor, session, ct);
        })
        .WithName("MergeCodes")
        .WithSummary("Merges this code into another (editors and owners): its codings become the other code's, overlapping codings of one coder are joined, and this code is deleted. Answers the code merged into.")
        .Produces<CodeView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
