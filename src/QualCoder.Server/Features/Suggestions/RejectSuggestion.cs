using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>Rejects one suggestion, keeping the reviewer's reason and feedback (QualCoder v2 dropped them).</summary>
public sealed record RejectSuggestion(Guid ProjectId, Guid SuggestionId, string? Reason, string? Feedback, Actor Actor);

public sealed record RejectSuggestionRequest(string? Reason = null, string? Feedback = null);

public static class RejectSuggestionHandler
{
    private const string Refused = "SUGGESTION_NOT_REJECTED";

    public static Decision Decide(Project? project, Suggestion? suggestion, RejectSuggestion command, DateTimeOffset now)
    {
        if (SuggestionRules.CheckReview(project, suggestion, command.Actor, Refused) is { } denied)
        {
            return denied;
        }

        if (SuggestionRules.CheckNote(command.Reason, "reason", Refused, out var reason) is { } badReason)
        {
            return badReason;
        }

        return SuggestionRules.CheckNote(command.Feedback, "feedback", Refused, out var feedback) is { } badFeedback
            ? badFeedback
            : Decision.Accept(new SuggestionRejected(command.ProjectId, command.SuggestionId, reason, feedback, command.Actor, now));
    }

    /// <summary>Optimistic: a concurrent approval or rejection makes this one run again, and then find the suggestion reviewed.</summary>
    public static Task<CommandOutcome> Handle(RejectSuggestion command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Suggestion>(
            command.ProjectId, command.SuggestionId, null, (p, s) => Decide(p, s, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder suggestions) => suggestions
        .MapPost("/{suggestionId:guid}/reject", async (Guid projectId, Guid suggestionId, RejectSuggestionRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var command = new RejectSuggestion(projectId, suggestionId, body.Reason, body.Feedback, http.User.ToActor());
            var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
            return outcome.Error is { } error ? error.ToProblem() : Replies.OkOrGone(await session.LoadAsync<Suggestion>(suggestionId, ct));
        })
        .WithName("RejectSuggestion")
        .WithSummary("Rejects a suggestion with an optional reason and feedback, which are kept (coders reject codings, editors the rest).")
        .Produces<Suggestion>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
