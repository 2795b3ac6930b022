using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;

namespace QualCoder.Server.Features.Codebook;

/// <summary>
/// What merging code A into code B does to the codings. Every coding of A becomes B's. A code may not overlap
/// itself for the same coder, so where codings of one coder in one source now overlap (directly, or through a chain
/// of overlaps), they are joined into one: the earliest-created of them is kept and spans them all (its quote is the
/// text of that span), the others are removed. The kept coding also takes the others' memos (joined by a blank line)
/// and the highest importance, so the coder's notes are not lost. Spans that only touch do not overlap.
/// </summary>
public static class SegmentMerge
{
    /// <param name="codings">The codings of both codes (others are ignored).</param>
    /// <param name="texts">The text of every source where a coding of A meets a coding of B (by source id).</param>
    /// <returns>The events for the codings' source streams, in a stable order: by source, coder and position.</returns>
    public static IReadOnlyList<object> Plan(
        Guid fromCodeId, Guid intoCodeId, IEnumerable<Segment> codings, IReadOnlyDictionary<Guid, CodePointText> texts, Actor actor, DateTimeOffset now)
    {
        var events = new List<object>();
        var bySourceAndCoder = codings
            .Where(s => s.CodeId == fromCodeId || s.CodeId == intoCodeId)
            .GroupBy(s => (s.SourceId, s.CoderId))
            .Where(g => g.Any(s => s.CodeId == fromCodeId))
            .OrderBy(g => g.Key.SourceId)
            .ThenBy(g => g.Key.CoderId);
        foreach (var group in bySourceAndCoder)
        {
            foreach (var joined in Overlapping(group).Where(j => j.Any(s => s.CodeId == fromCodeId)))
            {
                events.AddRange(Join(joined, fromCodeId, intoCodeId, texts, actor, now));
            }
        }

        return events;
    }

    /// <summary>The segments grouped into runs where each overlaps the union of the ones before it, by start.</summary>
    private static IEnumerable<List<Segment>> Overlapping(IEnumerable<Segment> segments)
    {
        List<Segment>? run = null;
        var end = 0;
        foreach (var segment in segments.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Id))
        {
            if (run is not null && segment.Start < end)
            {
                run.Add(segment);
                end = Math.Max(end, segment.End);
                continue;
            }

            if (run is not null)
            {
                yield return run;
            }

            run = [segment];
            end = segment.End;
        }

        if (run is not null)
        {
            yield return run;
        }
    }

    private static IEnumerable<object> Join(
        List<Segment> joined, Guid fromCodeId, Guid intoCodeId, IReadOnlyDictionary<Guid, CodePointText> texts, Actor actor, DateTimeOffset now)
    {
        var kept = joined.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).First();
        var (projectId, sourceId, segmentId) = (kept.ProjectId, kept.SourceId, kept.Id);
        if (kept.CodeId == fromCodeId)
        {
            yield return new SegmentRecoded(projectId, sourceId, segmentId, intoCodeId, actor, now);
        }

        if (joined.Count == 1)
        {
            yield break;
        }

        var (start, end) = (joined.Min(s => s.Start), joined.Max(s => s.End));
        if ((start, end) != (kept.Start, kept.End))
        {
            var text = texts.GetValueOrDefault(sourceId)
                ?? throw new InvalidOperationException($"The text of source {sourceId} is needed to join its codings.");
            yield return new SegmentResized(projectId, sourceId, segmentId, start, end, text.Slice(start, end), actor, now);
        }

        var removed = joined.Where(s => s.Id != segmentId).ToList();
        var memo = Memos.Fit(string.Join("\n\n", removed.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Prepend(kept)
            .Select(s => s.Memo).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct()));
        if (memo != kept.Memo && memo.Length > 0)
        {
            yield return new SegmentMemoChanged(projectId, sourceId, segmentId, memo, actor, now);
        }

        var importance = joined.Max(s => s.Importance);
        if (importance > kept.Importance)
        {
            yield return new SegmentImportanceSet(projectId, sourceId, segmentId, importance, actor, now);
        }

        foreach (var segment in removed)
        {
            yield return new SegmentUncoded(segment.ProjectId, segment.SourceId, segment.Id, actor, now);
        }
    }
}
