using System.ComponentModel;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Suggestions;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>A passage of a source for suggest_batch_coding, in v2's names: code points, end exclusive.</summary>
public sealed record SuggestedSegment(
    [property: JsonPropertyName("source_id"), Description("The source's id.")] string SourceId,
    [property: JsonPropertyName("start_pos"), Description("Where the passage starts, in code points (0-based).")] int StartPos,
    [property: JsonPropertyName("end_pos"), Description("Where it ends, in code points (exclusive).")] int EndPos);

/// <summary>
/// Coding suggestions: an agent proposes codings (one, or a batch reviewed together), and a person approves or rejects
/// them one by one or a batch at once. Approving applies the coding as the approver, with the normal coding command.
/// Suggesting needs a suggest token and the coder role; reviewing needs a full token and the coder role.
/// </summary>
[McpServerToolType]
public static class CodingSuggestionTools
{
    private const string Prefix = "CODING_NOT_SUGGESTED";
    private const string Positions = "Positions are Unicode code points, 0-based, end exclusive.";
    private const string Suggested = "Wait for a person to review it (list_pending_coding_suggestions shows the queue); nothing is coded until it is approved.";

    [McpServerTool(Name = "suggest_code_application", Title = "Suggest coding a passage", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Proposes applying a code to a passage of a text source, given by start_pos and end_pos, or by quote (and occurrence). Nothing is coded until a person approves it (approve_coding_suggestion). " + Positions + " Needs a token with scope suggest or full.")]
    public static async Task<CallToolResult> SuggestCodeApplication(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The source's id (from get_project_context).")] string source_id,
        [Description("The code's id (from list_codes).")] string code_id,
        [Description("Where the passage starts, in code points (0-based). Give it with end_pos, or give quote instead.")] int? start_pos = null,
        [Description("Where the passage ends, in code points (exclusive).")] int? end_pos = null,
        [Description("The passage's exact text, to find it in the source instead of positions (or to check them).")] string? quote = null,
        [Description("Which occurrence of quote, counting from 1, when it occurs more than once.")] int? occurrence = null,
        [Description("Why this code fits the passage, for the reviewer.")] string? rationale = null,
        [Description("How sure you are, as a percentage from 0 to 100. Default 70.")] int? confidence = null,
        [Description("Whether to answer the passage's text too, to check you pointed at the right words. Default false.")] bool include_text = false,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Suggest, Prefix, ct);
        if (SuggestionReview.FirstError(
            noProject,
            ToolIds.Required(source_id, "source_id", Prefix, out var sourceId),
            ToolIds.Required(code_id, "code_id", Prefix, out var codeId)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        var item = new CodingSuggestionItem(Guid.CreateVersion7(), sourceId, codeId, new SegmentAnchor(start_pos, end_pos, quote, occurrence), rationale, confidence);
        var outcome = await bus.InvokeAsync<CommandOutcome>(new SuggestCodings(projectId, null, [item], caller.Actor), ct);
        if (outcome.Error is { } refused)
        {
            return ToolResults.Failure(refused, "read_source_content shows the text and its positions; list_codes the codes.");
        }

        var s = (await session.LoadAsync<Suggestion>(item.SuggestionId, ct))!;
        return ToolResults.Success(new
        {
            SuggestionId = s.Id,
            Status = SuggestionReview.Pending,
            RequiresApproval = true,
            s.Coding!.SourceId,
            s.Coding.CodeId,
            s.Coding.CodeName,
            StartPos = s.Coding.Start,
            EndPos = s.Coding.End,
            s.Rationale,
            s.Confidence,
            Text = include_text ? s.Coding.Quote : null,
            NextStep = Suggested,
        });
    }

    [McpServerTool(Name = "suggest_batch_coding", Title = "Suggest coding many passages", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Proposes applying one code to many passages at once, as a batch a person reviews together (approve_batch_coding, or one by one). All are suggested or none: a bad passage is named in the error. " + Positions + " Needs a token with scope suggest or full.")]
    public static async Task<CallToolResult> SuggestBatchCoding(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The code's id (from list_codes).")] string code_id,
        [Description("The passages, 1 to 1000: each {source_id, start_pos, end_pos}.")] SuggestedSegment[] segments,
        [Description("Why this code fits these passages, for the reviewer.")] string rationale,
        [Description("How sure you are, as a percentage from 0 to 100. Default 70.")] int? confidence = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Suggest, Prefix, ct);
        if (SuggestionReview.FirstError(noProject, ToolIds.Required(code_id, "code_id", Prefix, out var codeId)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        if (string.IsNullOrWhiteSpace(rationale))
        {
            return ToolResults.Failure(DomainError.Invalid($"{Prefix}/MISSING_PARAM", "rationale is required: say why the code fits these passages."));
        }

        var items = new List<CodingSuggestionItem>((segments ?? []).Length);
        foreach (var (segment, index) in (segments ?? []).Select((s, i) => (s, i)))
        {
            if (ToolIds.Required(segment?.SourceId, $"segments[{index}].source_id", Prefix, out var sourceId) is { } badSource)
            {
                return ToolResults.Failure(badSource);
            }

            items.Add(new CodingSuggestionItem(Guid.CreateVersion7(), sourceId, codeId, new SegmentAnchor(segment!.StartPos, segment.EndPos, null, null), rationale, confidence));
        }

        var batchId = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new SuggestCodings(projectId, batchId, items, caller.Actor), ct);
        return outcome.Error is { } refused
            ? ToolResults.Failure(refused, "Fix or drop the passage the error names (items count from 0) and send the batch again.")
            : ToolResults.Success(new
            {
                BatchId = batchId,
                Status = SuggestionReview.Pending,
                RequiresApproval = true,
                TotalCount = items.Count,
                SuggestionIds = items.Select(i => i.SuggestionId),
                NextStep = "Wait for a person to review the batch; get_suggestion_batch_status shows how far they got.",
            });
    }

    [McpServerTool(Name = "list_pending_coding_suggestions", Title = "List coding suggestions", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the project's suggested codings that wait for review, oldest first, with the passage's text, rationale and confidence. " + Positions)]
    public static async Task<CallToolResult> ListPendingCodingSuggestions(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("Only suggestions on this source (its id). Optional.")] string? source_id = null,
        [Description("Only suggestions of this batch (its id). Optional.")] string? batch_id = null,
        [Description(SuggestionReview.StatusDescription)] string? status = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SUGGESTIONS";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, prefix, ct);
        if (SuggestionReview.FirstError(
            noProject,
            ToolIds.Optional(source_id, "source_id", prefix, out var sourceId),
            ToolIds.Optional(batch_id, "batch_id", prefix, out var batchId)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        var (error, found) = await SuggestionQueries.ListAsync(session, projectId, caller.Actor, status, "coding", sourceId, batchId, ct);
        return error is not null
            ? ToolResults.Failure(error)
            : ToolResults.Success(new { Count = found.Count, Suggestions = found.Select(View) });
    }

    [McpServerTool(Name = "approve_coding_suggestion", Title = "Approve a suggested coding", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Approves a suggested coding: the passage is coded, by the person you act for. Refused (and marked failed) when the passage no longer reads the same or is coded with that code already. Needs a token with scope full and the coder role.")]
    public static async Task<CallToolResult> ApproveCodingSuggestion(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The suggestion's id, from list_pending_coding_suggestions.")] string suggestion_id,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var (failure, suggestion, segmentId) = await SuggestionReview.ApproveAsync(request, session, bus, project_id, suggestion_id, "suggestion_id", SuggestionKind.Coding, ct);
        return failure ?? ToolResults.Success(new { Status = "applied", SuggestionId = suggestion!.Id, SegmentId = segmentId });
    }

    [McpServerTool(Name = "reject_coding_suggestion", Title = "Reject a suggested coding", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Rejects a suggested coding; the reason and feedback are kept with it. Needs a token with scope full and the coder role.")]
    public static async Task<CallToolResult> RejectCodingSuggestion(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The suggestion's id.")] string suggestion_id,
        [Description("Why it is rejected, in a sentence.")] string? reason = null,
        [Description("Advice for the agent that suggested it.")] string? feedback = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var (failure, suggestion, _) = await SuggestionReview.RejectAsync(request, session, bus, project_id, suggestion_id, "suggestion_id", SuggestionKind.Coding, reason, feedback, ct);
        return failure ?? ToolResults.Success(new { Status = "rejected", SuggestionId = suggestion!.Id, Reason = reason?.Trim() ?? "", Feedback = feedback?.Trim() ?? "" });
    }

    [McpServerTool(Name = "get_suggestion_batch_status", Title = "How far a batch's review got", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Says how far the review of a batch of coding suggestions got: status pending (nothing reviewed), partial or completed, and the counts (reviewed means approved or rejected; failed ones still count as pending), with its suggestions.")]
    public static async Task<CallToolResult> GetSuggestionBatchStatus(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("The batch's id, from suggest_batch_coding, suggest_codes_for_range or auto_suggest_codes.")] string batch_id,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SUGGESTIONS";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, prefix, ct);
        if (SuggestionReview.FirstError(noProject, ToolIds.Required(batch_id, "batch_id", prefix, out var batchId)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        var (error, batch) = await SuggestionBatchStatus.ReadAsync(session, projectId, batchId, caller.Actor, ct);
        return error is not null
            ? ToolResults.Failure(error)
            : ToolResults.Success(new
            {
                batch!.BatchId,
                batch.Status,
                batch.TotalCount,
                batch.PendingCount,
                batch.ReviewedCount,
                batch.ApprovedCount,
                batch.RejectedCount,
                batch.FailedCount,
                Suggestions = batch.Suggestions.Select(View),
            });
    }

    [McpServerTool(Name = "approve_batch_coding", Title = "Approve a batch of suggested codings", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Approves every suggestion of a batch not yet approved or rejected: each passage is coded by the person you act for, or fails on its own (already coded, text changed) and is reported in errors. Needs a token with scope full and the coder role.")]
    public static async Task<CallToolResult> ApproveBatchCoding(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The batch's id.")] string batch_id,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default) =>
        await ApproveBatchAsync(request, session, bus, batch_id, "batch_id", null, project_id, ct);

    [McpServerTool(Name = "respond_to_code_suggestion", Title = "Accept or reject a batch", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Answers a batch of coding suggestions (from suggest_codes_for_range, auto_suggest_codes or suggest_batch_coding): accept codes its passages (only the suggestions of selected_code_ids when given; the others stay pending), reject rejects all of them still pending, keeping the reason. Needs a token with scope full and the coder role.")]
    public static async Task<CallToolResult> RespondToCodeSuggestion(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The batch's id (suggestion_batch_id or batch_id from the tool that suggested it).")] string suggestion_batch_id,
        [Description("accept or reject.")] string response,
        [Description("With accept: only the suggestions of these codes (their ids). Omit to accept all.")] string[]? selected_code_ids = null,
        [Description("With reject: why, in a sentence; it is kept with each suggestion.")] string? reason = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var answer = response?.Trim().ToLowerInvariant();
        if (answer == "accept")
        {
            return await ApproveBatchAsync(request, session, bus, suggestion_batch_id, "suggestion_batch_id", selected_code_ids ?? [], project_id, ct);
        }

        const string prefix = "SUGGESTIONS_NOT_REJECTED";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, prefix, ct);
        var invalid = answer == "reject"
            ? selected_code_ids is { Length: > 0 }
                ? DomainError.Invalid($"{prefix}/INVALID_PARAM", "selected_code_ids only goes with accept; reject rejects every suggestion of the batch still pending.")
                : null
            : DomainError.Invalid($"{prefix}/INVALID_PARAM", $"response is accept or reject; got \"{response}\".");
        if (SuggestionReview.FirstError(
            noProject,
            invalid,
            ToolIds.Required(suggestion_batch_id, "suggestion_batch_id", prefix, out var batchId)) is { } bad)
        {
            return ToolResults.Failure(bad, "reject_coding_suggestion rejects a single suggestion.");
        }

        var outcome = await bus.InvokeAsync<CommandOutcome>(new RejectSuggestionBatch(projectId, batchId, reason, caller.Actor), ct);
        return outcome.Error is { } refused
            ? ToolResults.Failure(refused, "get_suggestion_batch_status shows the batch.")
            : ToolResults.Success(new { Status = "rejected", BatchId = batchId, RejectedCount = outcome.Version, Reason = reason?.Trim() ?? "" });
    }

    /// <summary>approve_batch_coding, and respond_to_code_suggestion's accept (optionally only some codes).</summary>
    private static async Task<CallToolResult> ApproveBatchAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, IMessageBus bus, string batchIdArg, string argName, string[]? codeIdArgs, string? projectIdArg,
        CancellationToken ct)
    {
        const string prefix = "SUGGESTIONS_NOT_APPROVED";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, projectIdArg, ToolAccess.Write, prefix, ct);
        if (SuggestionReview.FirstError(noProject, ToolIds.Required(batchIdArg, argName, prefix, out var batchId)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        var codeIds = new List<Guid>();
        foreach (var (raw, index) in (codeIdArgs ?? []).Select((c, i) => (c, i)))
        {
            if (ToolIds.Required(raw, $"selected_code_ids[{index}]", prefix, out var codeId) is { } badCode)
            {
                return ToolResults.Failure(badCode);
            }

            codeIds.Add(codeId);
        }

        var outcome = await bus.InvokeAsync<BatchApprovalOutcome>(new ApproveSuggestionBatch(projectId, batchId, caller.Actor, codeIds), ct);
        if (outcome.Error is { } refused)
        {
            return ToolResults.Failure(refused, "get_suggestion_batch_status shows the batch and what is still pending.");
        }

        var applied = outcome.Results.Count(r => r.Success);
        var failed = outcome.Results.Count - applied;
        return ToolResults.Success(new
        {
            Status = codeIdArgs is null ? (failed == 0 ? "applied" : applied == 0 ? "failed" : "partial") : "accepted",
            BatchId = batchId,
            AppliedCount = applied,
            FailedCount = failed,
            Errors = outcome.Results.Where(r => !r.Success).Select(r => new { r.SuggestionId, r.ErrorCode, r.Error }),
            outcome.Results,
        });
    }

    private static JsonObject View(Suggestion s) => SuggestionReview.Listed(s, new
    {
        SuggestionId = s.Id,
        s.BatchId,
        s.Coding!.SourceId,
        s.Coding.SourceName,
        s.Coding.CodeId,
        s.Coding.CodeName,
        StartPos = s.Coding.Start,
        EndPos = s.Coding.End,
        Text = s.Coding.Quote,
        SegmentId = s.Status == SuggestionStatus.Approved ? s.ResultId : null,
    });
}
