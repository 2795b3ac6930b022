using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Deletes a code; a code with codings is deleted only when <c>DeleteCodings</c> says to remove them too.</summary>
public sealed record DeleteCode(Guid ProjectId, Guid CodeId, bool DeleteCodings, long? ExpectedVersion, Actor Actor);

public static class DeleteCodeHandler
{
    private const string Refused = "CODE_NOT_DELETED";

    /// <param name="codingCount">How many codings the code has, in every source of the project.</param>
    public static Decision Decide(Project? project, Codebook? codebook, DeleteCode command, DateTimeOffset now, long codingCount)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCode(command.CodeId) is not { } code)
        {
            return CodebookRules.CodeNotFound(Refused);
        }

        return codingCount > 0 && !command.DeleteCodings
            ? DomainError.Conflict(
                $"{Refused}/HAS_REFERENCES",
                $"The code \"{code.Name}\" has {codingCount} {(codingCount == 1 ? "coding" : "codings")}. " +
                "Send deleteCodings=true to delete them with it, or merge the code into another to keep them.")
            : Decision.Accept(new CodeDeleted(command.ProjectId, code.Id, command.Actor, now));
    }

    /// <summary>The events that remove a deleted code's codings from their sources.</summary>
    public static IReadOnlyList<object> Uncode(IEnumerable<Segment> codings, Actor actor, DateTimeOffset now) =>
        [.. codings.Select(s => new SegmentUncoded(s.ProjectId, s.SourceId, s.Id, actor, now))];

    /// <summary>
    /// One round trip loads the project, the codebook and the sources of the code's codings (only their number when
    /// they are not to be deleted); a second, when there are codings to delete, fetches those sources for writing
    /// with the code's codings in them.
    /// </summary>
    public static async Task<CommandOutcome> Handle(DeleteCode command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // The codebook's row lock, held to commit, makes codings of this code wait (they share-lock it, see
        // CodingState); the codings are read only once it is held, so none can be added unseen meanwhile.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(command.ProjectId);
        var codebookLoad = batch.Events.FetchForExclusiveWriting<Codebook>(ProjectStreams.CodebookOf(command.ProjectId));
        var ofCode = batch.Query<Segment>().Where(s => s.ProjectId == command.ProjectId && s.CodeId == command.CodeId);
        var sourcesLoad = command.DeleteCodings ? ofCode.Select(s => s.SourceId).ToList() : Task.FromResult<IReadOnlyList<Guid>>([]);
        var countLoad = command.DeleteCodings ? null : ofCode.Count();
        await batch.Execute(ct);
        var codebook = await codebookLoad;
        var sourceIds = await sourcesLoad;
        var count = countLoad is null ? sourceIds.Count : await countLoad;

        var outcome = codebook.Conclude(command.ExpectedVersion, Decide(await projectLoad, codebook.Aggregate, command, now, count));
        if (outcome.Error is null && sourceIds.Count > 0)
        {
            var sources = await CodingStreams.FetchAsync(session, command.ProjectId, sourceIds, [command.CodeId], ct);
            sources.Append(Uncode(sources.Codings, command.Actor, now));
        }

        return outcome;
    }

    internal static void Map(RouteGroupBuilder project) => project
        .MapDelete("/codes/{codeId:guid}", (Guid projectId, Guid codeId, bool? deleteCodings, long? expectedVersion, HttpContext http, IMessageBus bus, CancellationToken ct) =>
            bus.SendForNothingAsync(new DeleteCode(projectId, codeId, deleteCodings ?? false, expectedVersion, http.User.ToActor()), ct))
        .WithName("DeleteCode")
        .WithSummary("Deletes a code (editors and owners). A code with codings is refused unless deleteCodings=true, which removes its codings too.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
