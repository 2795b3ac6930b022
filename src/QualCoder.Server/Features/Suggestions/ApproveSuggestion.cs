using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>
/// Approves one suggestion: its change is made by the normal command (CreateCode, ApplyCodings, MergeCodes) acting
/// as the approver, so validation, events and live updates are those of a person doing it by hand, and the
/// suggestion records the outcome in the same transaction.
/// </summary>
public sealed record ApproveSuggestion(Guid ProjectId, Guid SuggestionId, Actor Actor);

/// <summary>What an approval made (the new code, the new coding, the code merged into, the source described), or why not.</summary>
public sealed record ApprovalOutcome(DomainError? Error, Guid? ResultId);

public static class ApproveSuggestionHandler
{
    private const string Refused = "SUGGESTION_NOT_APPROVED";

    public static DomainError? Decide(Project? project, Suggestion? suggestion, Actor actor) =>
        SuggestionRules.CheckReview(project, suggestion, actor, Refused);

    /// <summary>The suggestion's own event, from what the command it was approved through answered.</summary>
    public static object Conclude(Suggestion suggestion, Guid resultId, DomainError? refusal, Actor approver, DateTimeOffset now) =>
        refusal is null
            ? new SuggestionApproved(suggestion.ProjectId, suggestion.Id, resultId, approver, now)
            : new SuggestionApprovalFailed(suggestion.ProjectId, suggestion.Id, refusal.Code, refusal.Message, approver, now);

    /// <summary>
    /// The command that carries a suggestion out, as the approver. <paramref name="newId"/> names what it creates (the
    /// code or the coding); a merge creates nothing, and its result is the code merged into. Source metadata takes
    /// three commands (see <see cref="SuggestSourceMetadataHandler.CarryOutAsync"/>).
    /// </summary>
    public static object CommandFor(Suggestion suggestion, Guid newId, Actor approver) => suggestion switch
    {
        { Code: { } code } => new CreateCode(suggestion.ProjectId, newId, code.Name, code.Color, code.Description, null, null, approver),
        { Coding: not null } => new ApplyCodings(suggestion.ProjectId, [CodingItemFor(suggestion, newId)], approver),
        { Merge: { } merge } => new MergeCodes(suggestion.ProjectId, merge.SourceCodeId, merge.TargetCodeId, null, approver),
        _ => throw new ArgumentException($"Suggestion {suggestion.Id} proposes nothing."),
    };

    /// <summary>The coding a coding suggestion proposes; its quote makes the command verify the span still reads the same.</summary>
    public static CodingItem CodingItemFor(Suggestion suggestion, Guid segmentId)
    {
        var coding = suggestion.Coding!;
        return new CodingItem(segmentId, coding.SourceId, coding.CodeId, new SegmentAnchor(coding.Start, coding.End, coding.Quote, null));
    }

    public static async Task<ApprovalOutcome> Handle(ApproveSuggestion command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // The suggestion's row lock, held to commit, queues a second reviewer behind the first, who then finds it reviewed.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(command.ProjectId);
        var streamLoad = batch.Events.FetchForExclusiveWriting<Suggestion>(command.SuggestionId);
        await batch.Execute(ct);
        var stream = await streamLoad;
        if (Decide(await projectLoad, stream.Aggregate, command.Actor) is { } refused)
        {
            return new(refused, null);
        }

        var suggestion = stream.Aggregate!;
        var resultId = suggestion.Merge?.TargetCodeId ?? suggestion.SourceMetadata?.SourceId ?? Guid.CreateVersion7();
        var refusal = suggestion.SourceMetadata is { } metadata
            ? await SuggestSourceMetadataHandler.CarryOutAsync(suggestion.ProjectId, metadata, command.Actor, session, clock, ct)
            : await CarryOutAsync(CommandFor(suggestion, resultId, command.Actor), session, clock, ct);
        stream.AppendOne(Conclude(suggestion, resultId, refusal, command.Actor, clock.GetUtcNow()));
        // The request was sound, the project's state refused it: a conflict, under the command's own code.
        return refusal is null ? new(null, resultId) : new(refusal with { Kind = ErrorKind.Conflict }, null);
    }

    /// <summary>Runs the command's own handler in this session, so its appends commit with the suggestion's.</summary>
    private static async Task<DomainError?> CarryOutAsync(object command, IDocumentSession session, TimeProvider clock, CancellationToken ct) => command switch
    {
        CreateCode create => (await CreateCodeHandler.Handle(create, session, clock, ct)).Error,
        ApplyCodings apply => ErrorOf(await ApplyCodingsHandler.Handle(apply, session, clock, ct)),
        MergeCodes merge => (await MergeCodesHandler.Handle(merge, session, clock, ct)).Error,
        _ => throw new ArgumentException($"{command.GetType().Name} does not carry out a suggestion."),
    };

    private static DomainError? ErrorOf(ApplyCodingsOutcome applied) => applied.Error ?? applied.Results[0].Error;

    internal static void Map(RouteGroupBuilder suggestions) => suggestions
        .MapPost("/{suggestionId:guid}/approve", async (Guid projectId, Guid suggestionId, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<ApprovalOutcome>(new ApproveSuggestion(projectId, suggestionId, http.User.ToActor()), ct);
            return outcome.Error is { } error ? error.ToProblem() : Replies.OkOrGone(await session.LoadAsync<Suggestion>(suggestionId, ct));
        })
        .WithName("ApproveSuggestion")
        .WithSummary("Approves a suggestion: creates the code, applies the coding, merges the codes or writes the source's metadata (memo lines, folder), as the approver (coders approve codings, editors the rest). When that command refuses, the answer is 409 with its code and the suggestion is marked failed.")
        .Produces<Suggestion>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
