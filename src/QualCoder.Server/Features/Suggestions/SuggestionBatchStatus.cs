using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>
/// Where the review of a batch stands (QualCoder v2's get_suggestion_batch_status, with its suggestions). Reviewed
/// means approved or rejected; pending counts the failed ones too, since they still wait for a decision that sticks.
/// Status is "pending" before any review, "completed" when nothing is pending, "partial" in between.
/// </summary>
public sealed record SuggestionBatchStatus(
    Guid BatchId,
    string Status,
    int TotalCount,
    int PendingCount,
    int ReviewedCount,
    int ApprovedCount,
    int RejectedCount,
    int FailedCount,
    IReadOnlyList<Suggestion> Suggestions)
{
    public static SuggestionBatchStatus Of(Guid batchId, IReadOnlyList<Suggestion> suggestions)
    {
        int Count(SuggestionStatus status) => suggestions.Count(s => s.Status == status);
        var approved = Count(SuggestionStatus.Approved);
        var rejected = Count(SuggestionStatus.Rejected);
        var reviewed = approved + rejected;
        var pending = suggestions.Count - reviewed;
        var status = reviewed == 0 ? "pending" : pending == 0 ? "completed" : "partial";
        return new(batchId, status, suggestions.Count, pending, reviewed, approved, rejected, Count(SuggestionStatus.Failed), suggestions);
    }

    /// <summary>The batch's status for a member, or the problem: 404 when the project has no such batch.</summary>
    public static async Task<(DomainError? Error, SuggestionBatchStatus? Status)> ReadAsync(
        IQuerySession session, Guid projectId, Guid batchId, Actor actor, CancellationToken ct)
    {
        var (error, suggestions) = await SuggestionQueries.ListAsync(session, projectId, actor, "all", null, null, batchId, ct);
        if (error is not null)
        {
            return (error, null);
        }

        return suggestions.Count == 0
            ? (DomainError.NotFound("SUGGESTIONS/NOT_FOUND", "There is no such suggestion batch in this project."), null)
            : (null, Of(batchId, suggestions));
    }

    internal static async Task<IResult> AnswerAsync(IQuerySession session, Guid projectId, Guid batchId, Actor actor, CancellationToken ct)
    {
        var (error, status) = await ReadAsync(session, projectId, batchId, actor, ct);
        return error?.ToProblem() ?? TypedResults.Ok(status);
    }

    internal static void Map(RouteGroupBuilder suggestions) => suggestions
        .MapGet("/batches/{batchId:guid}", (Guid projectId, Guid batchId, HttpContext http, IQuerySession session, CancellationToken ct) =>
            AnswerAsync(session, projectId, batchId, http.User.ToActor(), ct))
        .WithName("GetSuggestionBatch")
        .WithSummary("A batch of suggestions: its status, counts (total, pending, reviewed, approved, rejected, failed) and its suggestions.")
        .Produces<SuggestionBatchStatus>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
