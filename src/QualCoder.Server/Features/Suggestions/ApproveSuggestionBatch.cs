using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>
/// Approves every coding suggestion of a batch still to review as one ApplyCodings batch: each lands or fails on its
/// own (a failed one is marked so, with the reason), all in one transaction. <c>CodeIds</c>, when given, approves only
/// the suggestions of those codes (respond_to_code_suggestion's selected_code_ids); the others stay pending.
/// </summary>
public sealed record ApproveSuggestionBatch(Guid ProjectId, Guid BatchId, Actor Actor, IReadOnlyList<Guid>? CodeIds = null);

/// <summary>One suggestion's fate in a batch approval, as QualCoder v2's batch tools report items.</summary>
public sealed record BatchItemReview(Guid SuggestionId, bool Success, Guid? SegmentId, string? ErrorCode, string? Error);

public sealed record BatchApprovalOutcome(DomainError? Error, IReadOnlyList<BatchItemReview> Results);

public sealed record BatchApprovalReply(Guid BatchId, int AppliedCount, int FailedCount, IReadOnlyList<BatchItemReview> Results);

public static class ApproveSuggestionBatchHandler
{
    private const string Refused = "SUGGESTIONS_NOT_APPROVED";

    public static DomainError? Decide(Project? project, IReadOnlyList<Suggestion> batch, ApproveSuggestionBatch command, out IReadOnlyList<Suggestion> approvable)
    {
        if (SuggestionRules.CheckBatchReview(project, batch, command.Actor, Refused, out var reviewable) is { } denied)
        {
            approvable = [];
            return denied;
        }

        approvable = command.CodeIds is { Count: > 0 } codeIds ? [.. reviewable.Where(s => codeIds.Contains(s.Coding!.CodeId))] : reviewable;
        return approvable.Count == 0
            ? DomainError.Invalid($"{Refused}/NOTHING_SELECTED", "None of the batch's suggestions still to review is for one of the selected codes.")
            : null;
    }

    public static async Task<BatchApprovalOutcome> Handle(ApproveSuggestionBatch command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // A batch's members are fixed when it is suggested; their row locks queue concurrent reviews of it.
        var (project, streams) = await SuggestionStreams.FetchBatchAsync(session, command.ProjectId, command.BatchId, exclusive: true, ct);
        // Items in the order a reviewer reads them: as suggested, then by place in the source.
        var suggestions = streams.Values.Select(s => s.Aggregate).OfType<Suggestion>()
            .OrderBy(s => s.SuggestedAt).ThenBy(s => s.Coding?.SourceId).ThenBy(s => s.Coding?.Start).ThenBy(s => s.Id)
            .ToList();
        if (Decide(project, suggestions, command, out var approvable) is { } refused)
        {
            return new(refused, []);
        }

        var segmentIds = approvable.Select(_ => Guid.CreateVersion7()).ToList();
        var items = approvable.Select((s, i) => ApproveSuggestionHandler.CodingItemFor(s, segmentIds[i])).ToList();
        var applied = await ApplyCodingsHandler.Handle(new ApplyCodings(command.ProjectId, items, command.Actor), session, clock, ct);
        if (applied.Error is { } whole)
        {
            return new(whole, []);
        }

        var now = clock.GetUtcNow();
        var results = new List<BatchItemReview>(approvable.Count);
        for (var i = 0; i < approvable.Count; i++)
        {
            var error = applied.Results[i].Error;
            streams[approvable[i].Id].AppendOne(ApproveSuggestionHandler.Conclude(approvable[i], segmentIds[i], error, command.Actor, now));
            results.Add(new BatchItemReview(approvable[i].Id, error is null, error is null ? segmentIds[i] : null, error?.Code, error?.Message));
        }

        return new(null, results);
    }

    internal static void Map(RouteGroupBuilder suggestions) => suggestions
        .MapPost("/batches/{batchId:guid}/approve", async (Guid projectId, Guid batchId, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<BatchApprovalOutcome>(new ApproveSuggestionBatch(projectId, batchId, http.User.ToActor()), ct);
            if (outcome.Error is { } error)
            {
                return error.ToProblem();
            }

            var applied = outcome.Results.Count(r => r.Success);
            return TypedResults.Ok(new BatchApprovalReply(batchId, applied, outcome.Results.Count - applied, outcome.Results));
        })
        .WithName("ApproveSuggestionBatch")
        .WithSummary("Approves every coding suggestion of a batch not yet approved or rejected, as one coding batch (coders and up); each is reported, failed ones are marked failed.")
        .Produces<BatchApprovalReply>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
