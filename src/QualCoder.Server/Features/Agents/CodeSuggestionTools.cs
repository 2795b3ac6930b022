using System.ComponentModel;
using System.Text.Json.Nodes;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Suggestions;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// Codebook suggestions: an agent proposes a new code or a merge of two codes, and a person (or a full-scope agent for
/// them) approves or rejects it. Suggesting needs a suggest token and the coder role; approving runs the normal
/// command as the approver, so it needs a full token and the editor role.
/// </summary>
[McpServerToolType]
public static class CodeSuggestionTools
{
    private const string Suggested = "Wait for a person to review it (list_pending_suggestions shows the queue); nothing changes until it is approved.";

    [McpServerTool(Name = "suggest_new_code", Title = "Suggest a new code", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Proposes a new code for the project's codebook. Nothing is created: the suggestion waits for a person to approve it (approve_suggestion) or reject it. Refused when the codebook already has a code of that name (ignoring case). Needs a token with scope suggest or full.")]
    public static async Task<CallToolResult> SuggestNewCode(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The code's name, unique in the codebook (ignoring case).")] string name,
        [Description("Why this code is needed, for the person who reviews it: what it captures and where you saw it.")] string rationale,
        [Description("The code's colour as #RRGGBB. Default #808080.")] string? color = null,
        [Description("What the code means, to become the code's memo when approved.")] string? description = null,
        [Description("How sure you are, as a percentage from 0 to 100. Default 70.")] int? confidence = null,
        [Description("Up to 20 short quotes from the sources that show the code, for the reviewer.")] string[]? sample_contexts = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CODE_NOT_SUGGESTED";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Suggest, prefix, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        var id = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(
            new SuggestCode(projectId, id, name, rationale, color, description, confidence, sample_contexts, caller.Actor), ct);
        if (outcome.Error is { } refused)
        {
            return ToolResults.Failure(refused, "list_codes shows the codebook's names; pick a name it does not have yet.");
        }

        var suggestion = (await session.LoadAsync<Suggestion>(id, ct))!;
        return ToolResults.Success(new
        {
            SuggestionId = id,
            Status = SuggestionReview.Pending,
            RequiresApproval = true,
            suggestion.Code!.Name,
            suggestion.Code.Color,
            suggestion.Code.Description,
            suggestion.Rationale,
            suggestion.Confidence,
            NextStep = Suggested,
        });
    }

    [McpServerTool(Name = "list_pending_suggestions", Title = "List code suggestions", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the project's suggestions of new codes (or, with kind merge, of code merges; with kind source_metadata, of sources' metadata) that wait for review, oldest first, with their rationale, confidence and who suggested them. Approve them with approve_suggestion / approve_merge, reject them with reject_suggestion / dismiss_merge.")]
    public static async Task<CallToolResult> ListPendingSuggestions(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("code (the default: suggested new codes), merge (suggested merges of two codes) or source_metadata (suggested languages, topics and folders of sources).")] string? kind = null,
        [Description(SuggestionReview.StatusDescription)] string? status = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SUGGESTIONS";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, prefix, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        var wanted = string.IsNullOrWhiteSpace(kind) ? "code" : kind.Trim().ToLowerInvariant();
        if (wanted is not ("code" or "merge" or "source_metadata"))
        {
            return ToolResults.Failure(DomainError.Invalid($"{prefix}/INVALID_PARAM", $"kind is code, merge or source_metadata; got \"{kind}\"."),
                "list_pending_coding_suggestions lists suggested codings.");
        }

        var (error, found) = await SuggestionQueries.ListAsync(session, projectId, caller.Actor, status, wanted, null, null, ct);
        return error is not null
            ? ToolResults.Failure(error)
            : ToolResults.Success(new { Count = found.Count, Suggestions = found.Select(View) });
    }

    [McpServerTool(Name = "approve_suggestion", Title = "Approve a suggested code", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Approves a suggested new code: the code is created in the codebook, by the person you act for, with the suggestion's description as its memo. Also approves a source metadata suggestion (suggest_source_metadata): its language and topics are added to the source's memo and the source is moved into the suggested folder. Needs a token with scope full and the editor role; a suggest token cannot approve its own suggestions.")]
    public static async Task<CallToolResult> ApproveSuggestion(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The suggestion's id, from suggest_new_code, suggest_source_metadata or list_pending_suggestions.")] string suggestion_id,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var (failure, suggestion, resultId) = await SuggestionReview.ApproveAsync(request, session, bus, project_id, suggestion_id, "suggestion_id", SuggestionKind.Code, ct);
        if (failure is not null)
        {
            return failure;
        }

        return suggestion!.SourceMetadata is { } metadata
            ? ToolResults.Success(new
            {
                Status = "applied",
                SuggestionId = suggestion.Id,
                metadata.SourceId,
                metadata.SourceName,
                Applied = SourceSuggestionTools.Proposed(metadata),
            })
            : ToolResults.Success(new { Status = "created", SuggestionId = suggestion.Id, CodeId = resultId, suggestion.Code!.Name });
    }

    [McpServerTool(Name = "reject_suggestion", Title = "Reject a suggested code", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Rejects a suggested new code (or a source metadata suggestion); the reason and feedback are kept with the suggestion for the agent and the record. Needs a token with scope full and the editor role.")]
    public static async Task<CallToolResult> RejectSuggestion(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The suggestion's id, from list_pending_suggestions.")] string suggestion_id,
        [Description("Why it is rejected, in a sentence.")] string? reason = null,
        [Description("Advice for the agent that suggested it, for its next suggestions.")] string? feedback = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var (failure, suggestion, _) = await SuggestionReview.RejectAsync(request, session, bus, project_id, suggestion_id, "suggestion_id", SuggestionKind.Code, reason, feedback, ct);
        return failure ?? ToolResults.Success(new { Status = "rejected", SuggestionId = suggestion!.Id, Reason = reason?.Trim() ?? "", Feedback = feedback?.Trim() ?? "" });
    }

    [McpServerTool(Name = "suggest_merge_codes", Title = "Suggest merging two codes", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Proposes merging one code into another (its codings move to the target and the source code disappears, once a person approves with approve_merge). Nothing changes now. Needs a token with scope suggest or full.")]
    public static async Task<CallToolResult> SuggestMergeCodes(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The code to merge away (its id, from list_codes).")] string source_code_id,
        [Description("The code to keep, which receives the codings (its id).")] string target_code_id,
        [Description("Why the two codes are one, for the person who reviews it.")] string rationale,
        [Description("How sure you are, as a percentage from 0 to 100. Default 70.")] int? confidence = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "MERGE_NOT_SUGGESTED";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Suggest, prefix, ct);
        if (SuggestionReview.FirstError(
            noProject,
            ToolIds.Required(source_code_id, "source_code_id", prefix, out var sourceId),
            ToolIds.Required(target_code_id, "target_code_id", prefix, out var targetId)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        var id = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new SuggestMerge(projectId, id, sourceId, targetId, rationale, confidence, caller.Actor), ct);
        if (outcome.Error is { } refused)
        {
            return ToolResults.Failure(refused, "list_codes shows the codebook's codes and their ids.");
        }

        var merge = (await session.LoadAsync<Suggestion>(id, ct))!.Merge!;
        return ToolResults.Success(new
        {
            MergeSuggestionId = id,
            Status = SuggestionReview.Pending,
            RequiresApproval = true,
            MergeSourceId = merge.SourceCodeId,
            MergeSourceName = merge.SourceCodeName,
            MergeTargetId = merge.TargetCodeId,
            MergeTargetName = merge.TargetCodeName,
            NextStep = Suggested,
        });
    }

    [McpServerTool(Name = "approve_merge", Title = "Approve a suggested merge", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description("Approves a suggested merge: the source code's codings move to the target code and the source code is deleted, as the person you act for. Needs a token with scope full and the editor role.")]
    public static async Task<CallToolResult> ApproveMerge(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The merge suggestion's id, from suggest_merge_codes or list_pending_suggestions with kind merge.")] string merge_suggestion_id,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var (failure, suggestion, _) = await SuggestionReview.ApproveAsync(request, session, bus, project_id, merge_suggestion_id, "merge_suggestion_id", SuggestionKind.Merge, ct);
        return failure ?? ToolResults.Success(new
        {
            Status = "merged",
            MergeSuggestionId = suggestion!.Id,
            MergedFrom = suggestion.Merge!.SourceCodeId,
            MergedFromName = suggestion.Merge.SourceCodeName,
            MergedInto = suggestion.Merge.TargetCodeId,
            MergedIntoName = suggestion.Merge.TargetCodeName,
        });
    }

    [McpServerTool(Name = "dismiss_merge", Title = "Dismiss a suggested merge", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Rejects a suggested merge; both codes stay as they are and the reason is kept. Needs a token with scope full and the editor role.")]
    public static async Task<CallToolResult> DismissMerge(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The merge suggestion's id.")] string merge_suggestion_id,
        [Description("Why the codes stay apart, in a sentence.")] string? reason = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var (failure, suggestion, _) = await SuggestionReview.RejectAsync(request, session, bus, project_id, merge_suggestion_id, "merge_suggestion_id", SuggestionKind.Merge, reason, null, ct);
        return failure ?? ToolResults.Success(new { Status = "dismissed", MergeSuggestionId = suggestion!.Id, Reason = reason?.Trim() ?? "" });
    }

    private static JsonObject View(Suggestion s) => SuggestionReview.Listed(s, s.SourceMetadata is { } metadata
        ? new { SuggestionId = s.Id, metadata.SourceId, metadata.SourceName, Suggested = SourceSuggestionTools.Proposed(metadata) }
        : s.Merge is { } merge
        ? new
        {
            MergeSuggestionId = s.Id,
            MergeSourceId = merge.SourceCodeId,
            MergeSourceName = merge.SourceCodeName,
            MergeTargetId = merge.TargetCodeId,
            MergeTargetName = merge.TargetCodeName,
        }
        : new { SuggestionId = s.Id, s.Code!.Name, s.Code.Color, s.Code.Description, s.Code.SampleContexts });
}
