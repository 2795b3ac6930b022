using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>One proposed coding: where (offsets in code points, or a quote), with which code, and why.</summary>
public sealed record CodingSuggestionItem(Guid SuggestionId, Guid SourceId, Guid CodeId, SegmentAnchor Anchor, string? Rationale = null, int? Confidence = null);

/// <summary>
/// Proposes one or many codings (suggest_code_application, suggest_batch_coding, suggest_codes_for_range,
/// auto_suggest_codes). Several share a <c>BatchId</c> so they can be reviewed together. All land or none: an agent
/// gets the first bad item back and can fix its request.
/// </summary>
public sealed record SuggestCodings(Guid ProjectId, Guid? BatchId, IReadOnlyList<CodingSuggestionItem> Items, Actor Actor);

/// <summary>A source as a suggestion needs it: its name, and its whole text for the quote and its context.</summary>
public sealed record SourceToSuggestOn(Source Source, CodePointText Text);

public static class SuggestCodingsHandler
{
    public const int MaxItems = 1_000;
    private const string Refused = "CODING_NOT_SUGGESTED";

    public static Decision Decide(
        Project? project, Codebook.Codebook? codebook, IReadOnlyDictionary<Guid, SourceToSuggestOn> sources, SuggestCodings command, DateTimeOffset now)
    {
        if (SuggestionRules.CanSuggest(project, command.Actor, Refused) is { } denied)
        {
            return denied;
        }

        if (command.Items.Count is 0 or > MaxItems)
        {
            return DomainError.Invalid($"{Refused}/INVALID_BATCH", $"Give 1 to {MaxItems} codings to suggest.");
        }

        var events = new List<object>(command.Items.Count);
        for (var index = 0; index < command.Items.Count; index++)
        {
            var item = command.Items[index];
            if (DecideItem(codebook, sources, item, command, now, out var suggested) is { } refused)
            {
                return command.Items.Count == 1 ? refused : refused with { Message = $"Item {index}: {refused.Message}" };
            }

            events.Add(suggested!);
        }

        return Decision.Accept([.. events]);
    }

    private static DomainError? DecideItem(
        Codebook.Codebook? codebook, IReadOnlyDictionary<Guid, SourceToSuggestOn> sources, CodingSuggestionItem item, SuggestCodings command, DateTimeOffset now,
        out CodingSuggested? suggested)
    {
        suggested = null;
        if (!sources.TryGetValue(item.SourceId, out var source))
        {
            return DomainError.Invalid($"{Refused}/SOURCE_NOT_FOUND", "The project has no source with this id.");
        }

        if (codebook?.FindCode(item.CodeId) is not { } code)
        {
            return DomainError.Invalid($"{Refused}/CODE_NOT_FOUND", "The project's codebook has no code with this id.");
        }

        if (item.Anchor.Resolve(source.Text, Refused, out var span) is { } badSpan)
        {
            return badSpan;
        }

        if (SuggestionRules.CheckRationale(item.Rationale, required: false, Refused, out var rationale) is { } badRationale)
        {
            return badRationale;
        }

        if (SuggestionRules.CheckConfidence(item.Confidence, Refused, out var confidence) is { } badConfidence)
        {
            return badConfidence;
        }

        var (before, after) = SuggestionRules.ContextOf(source.Text, span.Start, span.End);
        suggested = new CodingSuggested(
            command.ProjectId, item.SuggestionId, command.BatchId, source.Source.Id, source.Source.Name, code.Id, code.Name, span.Start, span.End,
            source.Text.Slice(span.Start, span.End), before, after, confidence, rationale, command.Actor, now);
        return null;
    }

    public static async Task<CommandOutcome> Handle(SuggestCodings command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var ids = command.Items.Select(i => i.SourceId).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(command.ProjectId);
        var codebookLoad = batch.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(command.ProjectId));
        var sourcesLoad = batch.LoadMany<Source>().ById(ids);
        var textsLoad = batch.LoadMany<SourceText>().ById(ids);
        await batch.Execute(ct);

        var texts = (await textsLoad).ToDictionary(t => t.Id);
        var sources = (await sourcesLoad)
            .Where(s => s.BelongsTo(command.ProjectId) && texts.ContainsKey(s.Id))
            .ToDictionary(s => s.Id, s => new SourceToSuggestOn(s, new CodePointText(texts[s.Id].Text)));
        return SuggestionStreams.Start(session, Decide(await projectLoad, await codebookLoad, sources, command, clock.GetUtcNow()));
    }
}
