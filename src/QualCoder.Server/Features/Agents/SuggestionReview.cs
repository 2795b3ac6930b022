using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Suggestions;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// What the suggestion tools share: reading an id argument, and approving or rejecting one suggestion through the
/// review commands the HTTP routes send. v2 has a pair of review tools per kind, so each checks the kind it was given.
/// </summary>
internal static class SuggestionReview
{
    public const string Pending = "pending_approval";

    public const string StatusDescription =
        "Which suggestions: pending (the default: waiting for review), failed (an approval was refused; they may be approved again or rejected), approved, rejected, or all.";

    /// <summary>The first of several checks' errors; every check runs, so each one's out values are assigned.</summary>
    public static DomainError? FirstError(params DomainError?[] errors) => errors.FirstOrDefault(e => e is not null);

    /// <summary>
    /// A suggestion as the list tools show it, flat as v2 lists them: what it proposes (<paramref name="proposal"/>, the
    /// kind's own fields) followed by where its review stands, the same for every kind.
    /// </summary>
    public static JsonObject Listed(Suggestion s, object proposal)
    {
        var view = JsonSerializer.SerializeToNode(proposal, ToolResults.Json)!.AsObject();
        var review = JsonSerializer.SerializeToNode(
            new { s.Rationale, s.Confidence, s.Status, s.SuggestedBy, s.SuggestedAt, s.RejectionReason, s.Feedback, s.ErrorCode, s.Error },
            ToolResults.Json)!.AsObject();
        foreach (var (name, value) in review)
        {
            view[name] = value?.DeepClone();
        }

        return view;
    }

    /// <summary>A reviewed suggestion as it was before the review, and what the approval made (when approved).</summary>
    public sealed record Reviewed(CallToolResult? Failure, Suggestion? Suggestion, Guid? ResultId);

    /// <summary>Approves one suggestion of <paramref name="kind"/> as the caller (scope full; the project role is the command's).</summary>
    public static Task<Reviewed> ApproveAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, IMessageBus bus, string? projectId, string suggestionId, string argName,
        SuggestionKind kind, CancellationToken ct) =>
        ReviewAsync(request, session, projectId, suggestionId, argName, kind, "SUGGESTION_NOT_APPROVED", ct, async (project, id, actor) =>
        {
            var outcome = await bus.InvokeAsync<ApprovalOutcome>(new ApproveSuggestion(project, id, actor), ct);
            return (outcome.Error, outcome.ResultId);
        });

    /// <summary>Rejects one suggestion of <paramref name="kind"/>, keeping the reason and feedback.</summary>
    public static Task<Reviewed> RejectAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, IMessageBus bus, string? projectId, string suggestionId, string argName,
        SuggestionKind kind, string? reason, string? feedback, CancellationToken ct) =>
        ReviewAsync(request, session, projectId, suggestionId, argName, kind, "SUGGESTION_NOT_REJECTED", ct, async (project, id, actor) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new RejectSuggestion(project, id, reason, feedback, actor), ct);
            return (outcome.Error, null);
        });

    private static async Task<Reviewed> ReviewAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, string? projectIdArg, string suggestionIdArg, string argName,
        SuggestionKind kind, string prefix, CancellationToken ct, Func<Guid, Guid, Actor, Task<(DomainError? Error, Guid? ResultId)>> review)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, projectIdArg, ToolAccess.Write, prefix, ct);
        if (FirstError(noProject, ToolIds.Required(suggestionIdArg, argName, prefix, out var id)) is { } bad)
        {
            return new(ToolResults.Failure(bad), null, null);
        }

        // The suggestion as it was, for the answer and to keep each review tool to its own kind (v2 had one queue per kind).
        var suggestion = await session.LoadAsync<Suggestion>(id, ct);
        if (suggestion is not null && suggestion.ProjectId == projectId && !Reviews(kind, suggestion.Kind))
        {
            return new(ToolResults.Failure(
                DomainError.Invalid($"{prefix}/WRONG_KIND", $"{argName} names a {Name(suggestion.Kind)} suggestion, and this tool reviews {Name(kind)} suggestions."),
                $"Use {ToolsFor(suggestion.Kind)} for it."), null, null);
        }

        var (error, resultId) = await review(projectId, id, caller.Actor);
        return error is null
            ? new(null, suggestion, resultId)
            : new(ToolResults.Failure(error, $"{ListToolFor(kind)} lists the suggestions still to review."), null, null);
    }

    /// <summary>The tools of a kind review it; approve_suggestion and reject_suggestion (kind Code) also review source metadata, which has no pair of its own.</summary>
    private static bool Reviews(SuggestionKind tool, SuggestionKind suggestion) =>
        suggestion == tool || (tool == SuggestionKind.Code && suggestion == SuggestionKind.SourceMetadata);

    public static string ListToolFor(SuggestionKind kind) => kind == SuggestionKind.Coding ? "list_pending_coding_suggestions" : "list_pending_suggestions";

    private static string Name(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Code => "new code",
        SuggestionKind.Coding => "coding",
        SuggestionKind.SourceMetadata => "source metadata",
        _ => "merge",
    };

    private static string ToolsFor(SuggestionKind kind) => kind switch
    {
        SuggestionKind.Code or SuggestionKind.SourceMetadata => "approve_suggestion or reject_suggestion",
        SuggestionKind.Coding => "approve_coding_suggestion or reject_coding_suggestion",
        _ => "approve_merge or dismiss_merge",
    };
}
