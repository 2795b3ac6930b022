using System.ComponentModel;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Features.Suggestions;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// The server's own code suggestions for a passage or for a source's uncoded text, scored by
/// <see cref="CodeRelevance"/> (word overlap with the codes' names and memos) and stored as one batch of coding
/// suggestions through SuggestCodings, so a person reviews them like any agent's.
/// </summary>
[McpServerToolType]
public static class AutoCodingTools
{
    private const string Prefix = "CODING_NOT_SUGGESTED";
    private const string Heuristic = "Scores are a word-overlap heuristic (code name words found in the passage up to 80, memo words up to 30, 10-95); codes with no word in the passage are left out. Reading the text yourself and calling suggest_code_application suggests better.";

    [McpServerTool(Name = "suggest_codes_for_range", Title = "Suggest codes for a passage", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Scores the codebook's codes against a passage and suggests up to the 5 best as coding suggestions of that passage, in one batch for a person to review (respond_to_code_suggestion). " + Heuristic + " Positions are Unicode code points, end exclusive. Needs a token with scope suggest or full.")]
    public static async Task<CallToolResult> SuggestCodesForRange(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The source's id.")] string source_id,
        [Description("Where the passage starts, in code points (0-based).")] int start_pos,
        [Description("Where it ends, in code points (exclusive).")] int end_pos,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (error, projectId, read) = await ReadAsync(session, caller, project_id, source_id, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error, "get_project_context lists the open project's sources.");
        }

        if (new SegmentAnchor(start_pos, end_pos, null, null).Resolve(read!.Text, Prefix, out var span) is { } badSpan)
        {
            return ToolResults.Failure(badSpan);
        }

        var scored = CodeRelevance.Rank(read.Text.Slice(span.Start, span.End), read.Codes, 5);
        var items = scored.Select(s => new CodingSuggestionItem(Guid.CreateVersion7(), read.SourceId, s.Code.Id, new SegmentAnchor(span.Start, span.End, null, null), s.Rationale, s.Confidence)).ToList();
        var (refused, batchId) = await SuggestAsync(bus, projectId, items, caller, ct);
        return refused ?? ToolResults.Success(new
        {
            SourceId = read.SourceId,
            StartPos = span.Start,
            EndPos = span.End,
            SuggestionBatchId = batchId,
            Status = items.Count == 0 ? "no_match" : SuggestionReview.Pending,
            Suggestions = scored.Select((s, i) => new { items[i].SuggestionId, CodeId = s.Code.Id, CodeName = s.Code.Name, s.Confidence, s.Rationale }),
        });
    }

    [McpServerTool(Name = "auto_suggest_codes", Title = "Suggest codes for a source's uncoded text", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("For each stretch of a source that no coding covers yet (trimmed of surrounding white space), suggests the best-scoring code at or above min_confidence, all in one batch for a person to review (approve_batch_coding or respond_to_code_suggestion). " + Heuristic + " Needs a token with scope suggest or full.")]
    public static async Task<CallToolResult> AutoSuggestCodes(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The source's id.")] string source_id,
        [Description("The lowest score to suggest, 0-100. Default 70.")] int min_confidence = SuggestionRules.DefaultConfidence,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (error, projectId, read) = await ReadAsync(session, caller, project_id, source_id, ct);
        if ((error ?? (min_confidence is < 0 or > 100 ? DomainError.Invalid($"{Prefix}/INVALID_PARAM", $"min_confidence is a percentage from 0 to 100; got {min_confidence}.") : null)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        var items = new List<CodingSuggestionItem>();
        var names = new List<string>();
        foreach (var gap in UncodedRanges.Of(read!.SourceId, read.Text.Length, read.Coded).Ranges)
        {
            var raw = read.Text.Slice(gap.Start, gap.End);
            var (start, end) = (gap.Start + (raw.Length - raw.TrimStart().Length), gap.End - (raw.Length - raw.TrimEnd().Length));
            if (start < end && CodeRelevance.Rank(read.Text.Slice(start, end), read.Codes, 1) is [{ } best] && best.Confidence >= min_confidence
                && items.Count < SuggestCodingsHandler.MaxItems)
            {
                items.Add(new CodingSuggestionItem(Guid.CreateVersion7(), read.SourceId, best.Code.Id, new SegmentAnchor(start, end, null, null), best.Rationale, best.Confidence));
                names.Add(best.Code.Name);
            }
        }

        var (refused, batchId) = await SuggestAsync(bus, projectId, items, caller, ct);
        return refused ?? ToolResults.Success(new
        {
            BatchId = batchId,
            SourceId = read.SourceId,
            TotalSuggested = items.Count,
            Status = items.Count == 0 ? "no_match" : SuggestionReview.Pending,
            Suggestions = items.Select((item, i) => new
            {
                item.SuggestionId, item.CodeId, CodeName = names[i], StartPos = item.Anchor.Start, EndPos = item.Anchor.End, item.Confidence, item.Rationale,
            }),
        });
    }

    /// <summary>What the scoring reads: the source's text, its codings' spans and the codebook's codes, for a caller who may suggest.</summary>
    private sealed record Reading(Guid SourceId, CodePointText Text, IReadOnlyList<(int Start, int End)> Coded, IReadOnlyList<Codebook.Code> Codes);

    private static async Task<(DomainError? Error, Guid ProjectId, Reading? Read)> ReadAsync(
        IQuerySession session, AgentCaller caller, string? projectIdArg, string sourceIdArg, CancellationToken ct)
    {
        var (noProject, projectId) = await caller.ProjectAsync(session, projectIdArg, ToolAccess.Suggest, Prefix, ct);
        if (SuggestionReview.FirstError(noProject, ToolIds.Required(sourceIdArg, "source_id", Prefix, out var sourceId)) is { } bad)
        {
            return (bad, projectId, null);
        }

        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var codebookLoad = batch.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId));
        var sourceLoad = batch.Load<Source>(sourceId);
        var textLoad = batch.Load<SourceText>(sourceId);
        var segmentsLoad = batch.Query<Segment>().Where(s => s.SourceId == sourceId).ToList();
        await batch.Execute(ct);
        if (SuggestionRules.CanSuggest(await projectLoad, caller.Actor, Prefix) is { } denied)
        {
            return (denied, projectId, null);
        }

        if (await sourceLoad is not { } source || !source.BelongsTo(projectId) || await textLoad is not { } text)
        {
            return (DomainError.Invalid($"{Prefix}/SOURCE_NOT_FOUND", "The project has no text source with this id."), projectId, null);
        }

        var coded = (await segmentsLoad).Select(s => (s.Start, s.End)).ToList();
        return (null, projectId, new Reading(source.Id, new CodePointText(text.Text), coded, (await codebookLoad)?.Codes ?? []));
    }

    /// <summary>Stores the scored suggestions as one batch through the same command as every coding suggestion; nothing to store is no batch.</summary>
    private static async Task<(CallToolResult? Refused, Guid? BatchId)> SuggestAsync(
        IMessageBus bus, Guid projectId, List<CodingSuggestionItem> items, AgentCaller caller, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return (null, null);
        }

        var batchId = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(new SuggestCodings(projectId, batchId, items, caller.Actor), ct);
        return outcome.Error is { } refused ? (ToolResults.Failure(refused), null) : (null, batchId);
    }
}
