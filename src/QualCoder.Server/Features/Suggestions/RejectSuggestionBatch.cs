using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>Rejects every suggestion of a batch not yet approved or rejected, with one reason.</summary>
public sealed record RejectSuggestionBatch(Guid ProjectId, Guid BatchId, string? Reason, Actor Actor);

public sealed record RejectSuggestionBatchRequest(string? Reason = null);

public static class RejectSuggestionBatchHandler
{
    private const string Refused = "SUGGESTIONS_NOT_REJECTED";

    public static Decision Decide(Project? project, IReadOnlyList<Suggestion> batch, RejectSuggestionBatch command, DateTimeOffset now)
    {
        if (SuggestionRules.CheckBatchReview(project, batch, command.Actor, Refused, out var reviewable) is { } denied)
        {
            return denied;
        }

        return SuggestionRules.CheckNote(command.Reason, "reason", Refused, out var reason) is { } badReason
            ? badReason
            : Decision.Accept([.. reviewable.Select(s => new SuggestionRejected(command.ProjectId, s.Id, reason, "", command.Actor, now))]);
    }

    /// <summary>Optimistic, like a single rejection: a concurrent review of any member makes this run again on fresh state.</summary>
    public static async Task<CommandOutcome> Handle(RejectSuggestionBatch command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (project, streams) = await SuggestionStreams.FetchBatchAsync(session, command.ProjectId, command.BatchId, exclusive: false, ct);
        var decision = Decide(project, [.. streams.Values.Select(s => s.Aggregate).OfType<Suggestion>()], command, clock.GetUtcNow());
        if (decision.Error is { } error)
        {
            return CommandOutcome.Rejected(error);
        }

        foreach (var rejected in decision.Events.Cast<SuggestionRejected>())
        {
            streams[rejected.SuggestionId].AppendOne(rejected);
        }

        return CommandOutcome.Accepted(decision.Events.Count);
    }

    internal static void Map(RouteGroupBuilder suggestions) => suggestions
        .MapPost("/batches/{batchId:guid}/reject", async (Guid projectId, Guid batchId, RejectSuggestionBatchRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var outcome = await bus.InvokeAsync<CommandOutcome>(new RejectSuggestionBatch(projectId, batchId, body.Reason, actor), ct);
            return outcome.Error is { } error ? error.ToProblem() : await SuggestionBatchStatus.AnswerAsync(session, projectId, batchId, actor, ct);
        })
        .WithName("RejectSuggestionBatch")
        .WithSummary("Rejects every suggestion of a batch not yet approved or rejected, keeping the reason (coders and up). Answers the batch's status.")
        .Produces<SuggestionBatchStatus>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
