using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Coding;

/// <summary>One coding to apply: a new segment id, where, with which code, and its optional memo and importance.</summary>
public sealed record CodingItem(Guid SegmentId, Guid SourceId, Guid CodeId, SegmentAnchor Anchor, string? Memo = null, int? Importance = null);

/// <summary>Applies one or many codings (up to 10,000) in one transaction; each item lands or fails on its own.</summary>
public sealed record ApplyCodings(Guid ProjectId, IReadOnlyList<CodingItem> Items, Actor Actor);

/// <summary>An item's fate: the segment it created, or why not.</summary>
public sealed record CodingItemResult(int Index, Segment? Segment, DomainError? Error);

public sealed record ApplyCodingsOutcome(DomainError? Error, IReadOnlyList<CodingItemResult> Results);

/// <summary>A source as coding needs it: its state, its text, and the segments the acting coder already has on it.</summary>
public sealed record SourceForCoding(Source Source, ITextSpans Text, IReadOnlyList<Segment> CodersSegments);

public sealed record CodingsDecision(DomainError? Error, IReadOnlyList<CodingItemResult> Results, IReadOnlyList<SegmentCoded> Events);

public static class ApplyCodingsHandler
{
    public const int MaxBatch = 10_000;
    private const string Refused = "SEGMENT_NOT_CODED";

    public static CodingsDecision Decide(
        Project? project, Codebook.Codebook? codebook, IReadOnlyDictionary<Guid, SourceForCoding> sources, ApplyCodings command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Coder, Refused) is { } denied)
        {
            return new(denied, [], []);
        }

        if (CheckSize(command) is { } badSize)
        {
            return new(badSize, [], []);
        }

        var taken = new Dictionary<(Guid Source, Guid Code), DisjointSpans>();
        var results = new List<CodingItemResult>(command.Items.Count);
        var events = new List<SegmentCoded>();
        for (var index = 0; index < command.Items.Count; index++)
        {
            var item = command.Items[index];
            var accepted = DecideItem(codebook, sources, taken, item, command, now, out var error);
            results.Add(new CodingItemResult(index, accepted is null ? null : Segment.Create(accepted), error));
            if (accepted is not null)
            {
                events.Add(accepted);
            }
        }

        return new(null, results, events);
    }

    public static DomainError? CheckSize(ApplyCodings command) => command.Items.Count switch
    {
        0 => DomainError.Invalid("BATCH_APPLY_CODES/EMPTY_BATCH", "Give at least one coding to apply."),
        > MaxBatch => DomainError.Invalid("BATCH_APPLY_CODES/TOO_MANY", $"A batch holds at most {MaxBatch} codings; split it."),
        _ => null,
    };

    private static SegmentCoded? DecideItem(
        Codebook.Codebook? codebook,
        IReadOnlyDictionary<Guid, SourceForCoding> sources,
        Dictionary<(Guid Source, Guid Code), DisjointSpans> taken,
        CodingItem item,
        ApplyCodings command,
        DateTimeOffset now,
        out DomainError? error)
    {
        error = Check(codebook, sources, item, out var source, out var memo);
        if (error is not null)
        {
            return null;
        }

        error = item.Anchor.Resolve(source!.Text, Refused, out var span);
        if (error is not null)
        {
            return null;
        }

        var spans = SpansOf(taken, source, item.CodeId);
        if (spans.Overlaps(span.Start, span.End))
        {
            error = DomainError.Conflict(
                $"{Refused}/OVERLAPPING_SEGMENT",
                "You already coded an overlapping span of this source with this code. Change that coding's boundaries instead.");
            return null;
        }

        spans.Add(span.Start, span.End);
        return new SegmentCoded(
            command.ProjectId, item.SourceId, item.SegmentId, item.CodeId, span.Start, span.End, source.Text.Slice(span.Start, span.End),
            memo, item.Importance ?? 0, command.Actor, now);
    }

    private static DomainError? Check(
        Codebook.Codebook? codebook, IReadOnlyDictionary<Guid, SourceForCoding> sources, CodingItem item, out SourceForCoding? source, out string memo)
    {
        memo = "";
        if (!sources.TryGetValue(item.SourceId, out source))
        {
            return DomainError.Invalid($"{Refused}/SOURCE_NOT_FOUND", "The project has no source with this id.");
        }

        if (codebook?.FindCode(item.CodeId) is null)
        {
            return DomainError.Invalid($"{Refused}/CODE_NOT_FOUND", "The project's codebook has no code with this id.");
        }

        if (item.Importance is < 0 or > 2)
        {
            return DomainError.Invalid($"{Refused}/INVALID_IMPORTANCE", "importance is 0 (none), 1 (important) or 2 (very important).");
        }

        return Memos.Check(item.Memo, Refused, out memo);
    }

    private static DisjointSpans SpansOf(Dictionary<(Guid Source, Guid Code), DisjointSpans> taken, SourceForCoding source, Guid codeId)
    {
        var key = (source.Source.Id, codeId);
        if (!taken.TryGetValue(key, out var spans))
        {
            spans = new DisjointSpans();
            foreach (var existing in source.CodersSegments.Where(s => s.CodeId == codeId))
            {
                spans.Add(existing.Start, existing.End);
            }

            taken[key] = spans;
        }

        return spans;
    }

    public static async Task<ApplyCodingsOutcome> Handle(ApplyCodings command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (CheckSize(command) is { } badSize)
        {
            return new(badSize, []);
        }

        var (project, codebook, loaded) = await CodingState.LockSourcesAsync(session, command.ProjectId, command.Items, command.Actor.AccountId, ct);
        var decision = Decide(project, codebook, loaded.ToDictionary(l => l.Key, l => l.Value.ForCoding), command, clock.GetUtcNow());
        foreach (var group in decision.Events.GroupBy(e => e.SourceId))
        {
            loaded[group.Key].Stream.AppendMany(group.ToArray<object>());
        }

        return new(decision.Error, decision.Results);
    }
}
