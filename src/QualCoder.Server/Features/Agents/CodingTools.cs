using System.ComponentModel;
using System.Text.Json.Serialization;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>One coding of a batch_apply_codes call, as v2 names its fields.</summary>
public sealed record CodingOperation(
    [property: JsonPropertyName("code_id"), Description("The code's id (from list_codes). Required.")] string? CodeId = null,
    [property: JsonPropertyName("source_id"), Description("The text source's id (from get_project_context). Required.")] string? SourceId = null,
    [property: JsonPropertyName("start_position"), Description("Where the passage starts, in Unicode code points from 0.")] int? StartPosition = null,
    [property: JsonPropertyName("end_position"), Description("Where the passage ends, in code points, exclusive.")] int? EndPosition = null,
    [property: JsonPropertyName("quote"), Description("Instead of positions: the exact text to code (case-sensitive).")] string? Quote = null,
    [property: JsonPropertyName("occurrence"), Description("With quote: which occurrence, counting from 1; needed when the quote occurs more than once.")] int? Occurrence = null,
    [property: JsonPropertyName("memo"), Description("An optional memo on the coding.")] string? Memo = null,
    [property: JsonPropertyName("importance"), Description("0 (none, the default), 1 (important) or 2 (very important).")] int? Importance = null);

/// <summary>
/// The coding tools: code passages of text sources (one, or a batch through the same command as HTTP), read,
/// annotate and remove codings, and find what is not coded yet with the codes whose words occur there.
/// </summary>
[McpServerToolType]
public static class CodingTools
{
    private const string Positions = "Positions are Unicode code points, 0-based, end exclusive.";

    [McpServerTool(Name = "apply_code", Title = "Code a passage", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Applies a code to a passage of a text source, as you (the person the token belongs to; coder role or higher). Say where by start_position and end_position, or by quote (and occurrence when the quote occurs more than once). " +
        Positions + " Answers the new segment; overlapping an existing coding of yours with the same code is refused.")]
    public static async Task<CallToolResult> ApplyCode(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The code's id (from list_codes). Required.")] string? code_id = null,
        [Description("The text source's id (from get_project_context). Required.")] string? source_id = null,
        [Description("Where the passage starts, in code points from 0. Give it with end_position, or give quote instead.")] int? start_position = null,
        [Description("Where the passage ends, in code points, exclusive; greater than start_position.")] int? end_position = null,
        [Description("Instead of positions: the exact text to code (case-sensitive). With positions too, it must equal the text there.")] string? quote = null,
        [Description("With quote: which occurrence to code, counting from 1. Needed when the quote occurs more than once.")] int? occurrence = null,
        [Description("An optional memo on the coding (at most 10,000 characters).")] string? memo = null,
        [Description("0 (none, the default), 1 (important) or 2 (very important).")] int? importance = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SEGMENT_NOT_CODED";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, prefix, ct);
        Guid codeId = default, sourceId = default;
        if ((noProject ?? ToolIds.Required(code_id, "code_id", prefix, out codeId) ?? ToolIds.Required(source_id, "source_id", prefix, out sourceId)) is { } invalid)
        {
            return ToolResults.Failure(invalid);
        }

        var item = new CodingRequest(sourceId, codeId, start_position, end_position, quote, occurrence, memo, importance).ToItem();
        var outcome = await bus.InvokeAsync<ApplyCodingsOutcome>(new ApplyCodings(projectId, [item], caller.Actor), ct);
        if ((outcome.Error ?? outcome.Results[0].Error) is { } error)
        {
            return ToolResults.Failure(error, AdviceFor(error));
        }

        var segment = outcome.Results[0].Segment!;
        return ToolResults.Success(new
        {
            SegmentId = segment.Id,
            segment.CodeId,
            segment.SourceId,
            StartPosition = segment.Start,
            EndPosition = segment.End,
            SelectedText = segment.Quote,
            segment.Memo,
            segment.Importance,
        });
    }

    [McpServerTool(Name = "batch_apply_codes", Title = "Code many passages", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Applies up to 10,000 codings in one transaction, each given like apply_code (code_id, source_id, and start_position/end_position or quote/occurrence, memo?, importance?). " +
        "Valid items land even when others fail; each is reported by its index with its segment_id or its error and error_code. " + Positions)]
    public static async Task<CallToolResult> BatchApplyCodes(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The codings to apply, 1 to 10,000. Required.")] CodingOperation[]? operations = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "BATCH_APPLY_CODES";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, prefix, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (operations is null)
        {
            return ToolResults.Failure(DomainError.Invalid($"{prefix}/MISSING_PARAM", "operations is required: an array of codings to apply."));
        }

        var items = new List<CodingItem>(operations.Length);
        for (var index = 0; index < operations.Length; index++)
        {
            var op = operations[index];
            Guid codeId = default, sourceId = default;
            if ((ToolIds.Required(op.CodeId, $"operations[{index}].code_id", prefix, out codeId) ??
                ToolIds.Required(op.SourceId, $"operations[{index}].source_id", prefix, out sourceId)) is { } invalid)
            {
                return ToolResults.Failure(invalid, "Nothing was applied; fix this operation and send the batch again.");
            }

            items.Add(new CodingRequest(sourceId, codeId, op.StartPosition, op.EndPosition, op.Quote, op.Occurrence, op.Memo, op.Importance).ToItem());
        }

        var outcome = await bus.InvokeAsync<ApplyCodingsOutcome>(new ApplyCodings(projectId, items, caller.Actor), ct);
        if (outcome.Error is { } error)
        {
            return ToolResults.Failure(error, AdviceFor(error));
        }

        var results = outcome.Results
            .Select(r => new CodingBatchItem(r.Index, r.Error is null, r.Segment?.Id, r.Error?.Code, r.Error?.Message))
            .ToList();
        var succeeded = results.Count(r => r.Success);
        return ToolResults.Success(new CodingBatchReply(results.Count, succeeded, results.Count - succeeded, succeeded == results.Count, results));
    }

    [McpServerTool(Name = "list_segments_for_source", Title = "Codings of a source", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists every coding (segment) of a text source by position, with its code's name, coder, quoted text, memo and importance; optionally only one coder's. " + Positions)]
    public static async Task<CallToolResult> ListSegmentsForSource(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("The text source's id (from get_project_context). Required.")] string? source_id = null,
        [Description("Optional: only this coder's codings (an account id, as coder_id in earlier answers).")] string? coder_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SEGMENTS_NOT_LISTED";
        var (caller, invalid, projectId, sourceId) = await TargetAsync(request, session, project_id, ToolAccess.Read, prefix, source_id, "source_id", ct);
        Guid? coderId = null;
        if ((invalid ?? ToolIds.Optional(coder_id, "coder_id", prefix, out coderId)) is { } refused)
        {
            return ToolResults.Failure(refused);
        }

        var (error, source, segments) = await SegmentQueries.OfSourceAsync(session, projectId, sourceId, coderId, caller.Actor, prefix, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error);
        }

        var codebook = await session.LoadAsync<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId), ct);
        return ToolResults.Success(new
        {
            SourceId = source!.Id,
            SourceName = source.Name,
            Count = segments.Count,
            Segments = segments.Select(s => View(s, codebook?.FindCode(s.CodeId)?.Name ?? "")),
        });
    }

    [McpServerTool(Name = "list_segments_for_code", Title = "Codings of a code", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists every coding (segment) of a code across the project's sources, by source name then position, with the quoted text, memo, importance and coder. " + Positions)]
    public static async Task<CallToolResult> ListSegmentsForCode(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("The code's id (from list_codes). Required.")] string? code_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SEGMENTS_NOT_LISTED";
        var (caller, invalid, projectId, codeId) = await TargetAsync(request, session, project_id, ToolAccess.Read, prefix, code_id, "code_id", ct);
        if (invalid is not null)
        {
            return ToolResults.Failure(invalid);
        }

        var (error, code, segments) = await SegmentQueries.OfCodeAsync(session, projectId, codeId, caller.Actor, prefix, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error, "list_codes lists the project's codes.");
        }

        return ToolResults.Success(new
        {
            CodeId = code!.Id,
            CodeName = code.Name,
            Count = segments.Count,
            Segments = segments.Select(s => View(s.Segment, code.Name) with { SourceName = s.SourceName }),
        });
    }

    [McpServerTool(Name = "delete_segment", Title = "Remove a coding", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description("Removes a coding (segment); the text and the code stay. Coders remove their own codings, editors and owners anyone's. The removal stays in the project's history.")]
    public static async Task<CallToolResult> DeleteSegment(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The coding's id (id in list_segments_for_source, or segment_id from apply_code). Required.")] string? segment_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "DELETE_SEGMENT";
        var (caller, invalid, projectId, segmentId) = await TargetAsync(request, session, project_id, ToolAccess.Write, prefix, segment_id, "segment_id", ct);
        if (invalid is not null)
        {
            return ToolResults.Failure(invalid);
        }

        var outcome = await bus.InvokeAsync<CommandOutcome>(new RemoveCoding(projectId, segmentId, caller.Actor), ct);
        return outcome.Error is { } error
            ? ToolResults.Failure(error, "list_segments_for_source lists a source's codings with their ids.")
            : ToolResults.Success(new { Deleted = true, SegmentId = segmentId });
    }

    [McpServerTool(Name = "update_segment_memo", Title = "Set a coding's memo", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Sets or clears the memo of a coding (segment): why this passage carries this code, a thought on it. Coders change their own codings, editors and owners anyone's.")]
    public static async Task<CallToolResult> UpdateSegmentMemo(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The coding's id (id in list_segments_for_source, or segment_id from apply_code). Required.")] string? segment_id = null,
        [Description("The new memo (at most 10,000 characters); omit it or send an empty one to clear the memo.")] string? memo = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SEGMENT_MEMO_NOT_CHANGED";
        var (caller, invalid, projectId, segmentId) = await TargetAsync(request, session, project_id, ToolAccess.Write, prefix, segment_id, "segment_id", ct);
        if (invalid is not null)
        {
            return ToolResults.Failure(invalid);
        }

        var outcome = await bus.InvokeAsync<CommandOutcome>(new ChangeSegmentMemo(projectId, segmentId, memo, caller.Actor), ct);
        if (outcome.Error is { } error)
        {
            return ToolResults.Failure(error, "list_segments_for_source lists a source's codings with their ids.");
        }

        // Someone may have removed the coding since; the memo was still set, so the answer says what was asked.
        var segment = await session.LoadAsync<Segment>(segmentId, ct);
        return ToolResults.Success(new { SegmentId = segmentId, Memo = segment?.Memo ?? (memo ?? "").Trim() });
    }

    [McpServerTool(Name = "analyze_uncoded_text", Title = "What is not coded yet", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Finds the parts of a text source that no coding covers (or no coding of one coder): the uncoded percentage and each uncoded range with its length and an excerpt of its first 120 characters. " +
        Positions + " Read a range in full with read_source_content, then code it with apply_code.")]
    public static Task<CallToolResult> AnalyzeUncodedText(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("The text source's id (from get_project_context). Required.")] string? source_id = null,
        [Description("Optional: count only this coder's codings as coverage (an account id, as coder_id in list_segments_for_source).")] string? coder_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default) =>
        UncodedAsync(request, session, source_id, coder_id, project_id, "ANALYZE_UNCODED", withSuggestions: false, ct);

    [McpServerTool(Name = "analyze_content_for_codes", Title = "Which codes fit the uncoded text", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Like analyze_uncoded_text, and for each uncoded range up to 5 existing codes whose words occur in it, with a confidence (10-95) and a rationale. " +
        "The rule is simple and literal (QualCoder v2's): a code's name words found in the range count 80 x matched/total, its memo words 30 x matched/total. " +
        "Treat them as hints to check against the text, not as decisions; apply a code with apply_code or propose it with suggest_code_application. " + Positions)]
    public static Task<CallToolResult> AnalyzeContentForCodes(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("The text source's id (from get_project_context). Required.")] string? source_id = null,
        [Description("Optional: count only this coder's codings as coverage (an account id, as coder_id in list_segments_for_source).")] string? coder_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default) =>
        UncodedAsync(request, session, source_id, coder_id, project_id, "ANALYZE_CONTENT", withSuggestions: true, ct);

    /// <summary>A source's uncoded ranges with excerpts, and, when asked, the codes whose words occur in each.</summary>
    private static async Task<CallToolResult> UncodedAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, string? source_id, string? coder_id, string? project_id, string prefix, bool withSuggestions, CancellationToken ct)
    {
        var (caller, invalid, projectId, sourceId) = await TargetAsync(request, session, project_id, ToolAccess.Read, prefix, source_id, "source_id", ct);
        Guid? coderId = null;
        if ((invalid ?? ToolIds.Optional(coder_id, "coder_id", prefix, out coderId)) is { } refused)
        {
            return ToolResults.Failure(refused);
        }

        var (error, source, segments) = await SegmentQueries.OfSourceAsync(session, projectId, sourceId, coderId, caller.Actor, prefix, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error);
        }

        var batch = session.CreateBatchQuery();
        var textLoad = batch.Load<SourceText>(sourceId);
        var codebookLoad = withSuggestions ? batch.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId)) : Task.FromResult<Codebook.Codebook?>(null);
        await batch.Execute(ct);
        var text = new CodePointText((await textLoad)?.Text ?? "");
        IReadOnlyList<Code> codes = (await codebookLoad)?.Codes ?? [];
        var report = UncodedRanges.Of(sourceId, source!.Length, segments.Select(s => (s.Start, s.End)));
        return ToolResults.Success(new
        {
            report.SourceId,
            SourceName = source.Name,
            report.TotalLength,
            report.CodedLength,
            report.UncodedPercentage,
            SegmentCount = segments.Count,
            RangeCount = report.Ranges.Count,
            Ranges = report.Ranges.Select(r => new RangeView(
                r.Start,
                r.End,
                r.Length,
                UncodedRanges.Excerpt(text, r),
                withSuggestions ? [.. CodeRelevance.Rank(text.Slice(r.Start, r.End), codes).Select(f => new CodeHint(f.Code.Id, f.Code.Name, f.Confidence, f.Rationale))] : null)),
        });
    }

    private sealed record CodeHint(Guid CodeId, string CodeName, int Confidence, string Rationale);

    private sealed record RangeView(
        int StartPos,
        int EndPos,
        int Length,
        string Excerpt,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CodeHint>? Suggestions);

    private sealed record SegmentView(
        Guid Id,
        Guid SourceId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SourceName,
        Guid CodeId, string CodeName, Guid CoderId, int StartPosition, int EndPosition, string SelectedText, string Memo, int Importance);

    private static SegmentView View(Segment s, string codeName) =>
        new(s.Id, s.SourceId, null, s.CodeId, codeName, s.CoderId, s.Start, s.End, s.Quote, s.Memo, s.Importance);

    /// <summary>The caller, the project and the one id a tool works on; or the refusal (scope, no project, a bad id) to answer.</summary>
    private static async Task<(AgentCaller Caller, DomainError? Error, Guid ProjectId, Guid Id)> TargetAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, string? projectId, ToolAccess access, string prefix, string? id, string idName, CancellationToken ct)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, project) = await caller.ProjectAsync(session, projectId, access, prefix, ct);
        var parsed = Guid.Empty;
        return (caller, noProject ?? ToolIds.Required(id, idName, prefix, out parsed), project, parsed);
    }

    /// <summary>The next step for the refusals of coding an agent can fix by itself.</summary>
    private static string[] AdviceFor(DomainError error) => error.Code[(error.Code.IndexOf('/') + 1)..] switch
    {
        "SOURCE_NOT_FOUND" => ["get_project_context lists the project's sources with their ids."],
        "CODE_NOT_FOUND" => ["list_codes lists the project's codes; create_code makes a new one."],
        "QUOTE_AMBIGUOUS" => ["Give occurrence, or start_position and end_position."],
        "QUOTE_NOT_FOUND" or "QUOTE_MISMATCH" or "INVALID_POSITION" => ["Read the text with read_source_content and take the positions (code points) or the exact quote from it."],
        "OVERLAPPING_SEGMENT" => ["list_segments_for_source shows your existing codings of this source."],
        "TOO_MANY" => ["Split the operations into batches of at most 10,000."],
        _ => [],
    };
}
