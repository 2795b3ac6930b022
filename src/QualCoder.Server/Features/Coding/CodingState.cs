using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Coding;

/// <summary>
/// Loads what coding commands decide on, in two round trips whatever the number of items: the spans of the
/// source texts they need; then, in one batch, the project, its codebook, every touched source stream (locked, see
/// below) and the coder's existing segments that could overlap.
/// </summary>
public static class CodingState
{
    public sealed record LockedSource(IEventStream<Source> Stream, SourceForCoding ForCoding);

    public sealed record Loaded(Project? Project, Codebook.Codebook? Codebook, Dictionary<Guid, LockedSource> Sources);

    /// <summary>
    /// Codings of one source by many people at once all append to that source's stream. Rather than let them race
    /// and retry, each command takes the stream's row lock (SELECT … FOR UPDATE) until it commits, so concurrent
    /// codings queue for milliseconds instead of failing; locks are taken in id order, so batches cannot deadlock.
    /// Sources that are missing, deleted or in another project are left out: their items fail as SOURCE_NOT_FOUND.
    /// Access is decided after this batch; a caller without it holds a lock for no longer than one round trip.
    /// </summary>
    public static async Task<Loaded> LockSourcesAsync(
        IDocumentSession session,
        Guid projectId,
        IReadOnlyCollection<CodingItem> items,
        Guid coderId,
        CancellationToken ct,
        bool codebookLocked = false,
        bool codeDecidedLater = false)
    {
        var ids = items.Select(i => i.SourceId).Distinct().Order().ToArray();
        var codeIds = items.Select(i => i.CodeId).Distinct().ToArray();
        // The row locks last until this transaction commits with the appends; without it they would end at once.
        await session.BeginTransactionAsync(ct);
        Guid? codebookToShare = codebookLocked ? null : ProjectStreams.CodebookOf(projectId);
        // The spans ride with the codebook's share lock in one statement; without spans, the lock goes alone.
        var prefetched = PrefetchedSpans.Suits(items) ? await PrefetchedSpans.FetchAsync(session, items, codebookToShare, ct) : null;
        if (prefetched is null && codebookToShare is { } codebook)
        {
            await StreamLocks.ShareAsync(session, codebook, ct);
        }

        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var codebookLoad = batch.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId));
        var streams = ids.Select(id => batch.Events.FetchForExclusiveWriting<Source>(id)).ToArray();
        var texts = prefetched is null ? batch.LoadMany<SourceText>().ById(ids) : Task.FromResult<IReadOnlyList<SourceText>>([]);
        var segments = ExistingThatMayOverlap(batch.Query<Segment>(), items, coderId, ids, codeDecidedLater ? null : codeIds).ToList();
        await batch.Execute(ct);

        var textById = (await texts).ToDictionary(t => t.Id);
        var segmentsBySource = (await segments).ToLookup(s => s.SourceId);
        var locked = new Dictionary<Guid, LockedSource>();
        foreach (var pending in streams)
        {
            var stream = await pending;
            if (stream.Aggregate is not { } source || !source.BelongsTo(projectId))
            {
                continue;
            }

            ITextSpans? text = prefetched is not null
                ? PrefetchedSpans.Of(source, prefetched[source.Id])
                : textById.TryGetValue(source.Id, out var whole) ? new CodePointText(whole.Text) : null;
            if (text is not null)
            {
                locked[source.Id] = new LockedSource(stream, new SourceForCoding(source, text, [.. segmentsBySource[source.Id]]));
            }
        }

        return new Loaded(await projectLoad, await codebookLoad, locked);
    }

    /// <summary>
    /// Codings share the codebook's lock: merging or deleting a code takes it exclusively, so a coding either commits
    /// before the codings are read for the merge, or waits and then finds its code gone (see <see cref="StreamLocks"/>).
    /// </summary>
    public static Task ShareCodebookAsync(IDocumentSession session, Guid projectId, CancellationToken ct) =>
        StreamLocks.ShareAsync(session, ProjectStreams.CodebookOf(projectId), ct);

    /// <summary>
    /// Only the coder's segments with the same codes can conflict; when every item gives offsets, only those in
    /// the items' envelope can. A single coding thus reads a handful of rows, not every coding of the source.
    /// In-vivo learns its code only when deciding (an existing code of that name, or a new one): it reads all codes.
    /// </summary>
    private static IBatchedQueryable<Segment> ExistingThatMayOverlap(
        IBatchedQueryable<Segment> segments, IReadOnlyCollection<CodingItem> items, Guid coderId, Guid[] sourceIds, Guid[]? codeIds)
    {
        var mine = segments.Where(s => s.CoderId == coderId && s.SourceId.IsOneOf(sourceIds));
        if (codeIds is not null)
        {
            mine = mine.Where(s => s.CodeId.IsOneOf(codeIds));
        }

        if (!items.All(i => i.Anchor is { Start: not null, End: not null }))
        {
            return mine;
        }

        var from = items.Min(i => i.Anchor.Start!.Value);
        var to = items.Max(i => i.Anchor.End!.Value);
        return mine.Where(s => s.Start < to && s.End > from);
    }
}
