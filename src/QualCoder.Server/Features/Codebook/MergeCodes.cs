using Marten;
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
    /// The first round trip loads the project, the codebook and the sources that have codings of the merged code; a
    /// second fetches those sources for writing with the codings of both codes in them; a third loads the texts of
    /// the sources where codings of both codes meet, only when there are any.
    /// </summary>
    public static async Task<CommandOutcome> Handle(MergeCodes command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The codebook's row lock, held to commit, makes codings of this code wait (they share-lock it, see
        // CodingState); the codings are read only once it is held, so none can be added unseen meanwhile.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(command.ProjectId);
        var codebookLoad = batch.Events.FetchForExclusiveWriting<Codebook>(ProjectStreams.CodebookOf(command.ProjectId));
        var sourcesLoad = batch.Query<Segment>()
            .Where(s => s.ProjectId == command.ProjectId && s.CodeId == command.CodeId)
            .Select(s => s.SourceId)
            .ToList();
        await batch.Execute(ct);
        var codebook = await codebookLoad;

        var outcome = codebook.Conclude(command.ExpectedVersion, Decide(await projectLoad, codebook.Aggregate, command, now));
        var sourceIds = await sourcesLoad;
        if (outcome.Error is null && sourceIds.Count > 0)
        {
            var sources = await CodingStreams.FetchAsync(session, command.ProjectId, sourceIds, [command.CodeId, command.IntoCodeId], ct);
            var meeting = sources.Codings.Where(s => s.CodeId == command.IntoCodeId).Select(s => s.SourceId).ToHashSet();
            meeting.IntersectWith(sources.Codings.Where(s => s.CodeId == command.CodeId).Select(s => s.SourceId));
            var texts = await CodingStreams.TextsAsync(session, meeting, ct);
            sources.Append(SegmentMerge.Plan(command.CodeId, command.IntoCodeId, sources.Codings, texts, command.Actor, now));
        }

        return outcome;
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
