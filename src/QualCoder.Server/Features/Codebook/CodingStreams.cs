using JasperFx.Events;
using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Codebook;

/// <summary>
/// How a codebook change reaches the codings of a code (merge, delete): their events go to each coding's own source
/// stream, in the same transaction as the codebook's event. The source streams are fetched for writing first and
/// the codings read after them in the same round trip, so a coding added to one of those sources at any moment is
/// either among the codings read or makes the commit fail on the stream's version (and the command run again on
/// fresh state): it is never left behind with a code that is gone.
/// </summary>
internal sealed class CodingStreams
{
    private readonly Dictionary<Guid, IEventStream<Source>> _streams;

    private CodingStreams(Dictionary<Guid, IEventStream<Source>> streams, IReadOnlyList<Segment> codings)
    {
        _streams = streams;
        Codings = codings;
    }

    /// <summary>The codings of the asked codes in the fetched sources.</summary>
    public IReadOnlyList<Segment> Codings { get; }

    /// <summary>Fetches the sources' streams for writing, then the codings of <paramref name="codeIds"/> in them, in one round trip.</summary>
    public static async Task<CodingStreams> FetchAsync(
        IDocumentSession session, Guid projectId, IReadOnlyCollection<Guid> sourceIds, Guid[] codeIds, CancellationToken ct)
    {
        var sources = sourceIds.Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var streamLoads = sources.ToDictionary(id => id, id => batch.Events.FetchForWriting<Source>(id));
        var codingsLoad = batch.Query<Segment>()
            .Where(s => s.ProjectId == projectId && sources.Contains(s.SourceId) && codeIds.Contains(s.CodeId))
            .ToList();
        await batch.Execute(ct);

        var streams = new Dictionary<Guid, IEventStream<Source>>();
        foreach (var (id, load) in streamLoads)
        {
            streams[id] = await load;
        }

        return new CodingStreams(streams, await codingsLoad);
    }

    /// <summary>The texts of some sources, by source id, in one round trip (texts never change once added).</summary>
    public static async Task<IReadOnlyDictionary<Guid, CodePointText>> TextsAsync(IDocumentSession session, IReadOnlyCollection<Guid> sourceIds, CancellationToken ct) =>
        sourceIds.Count == 0
            ? new Dictionary<Guid, CodePointText>()
            : (await session.LoadManyAsync<SourceText>(ct, sourceIds.Distinct())).ToDictionary(t => t.Id, t => new CodePointText(t.Text));

    /// <summary>Appends each segment event to the stream of the source it names.</summary>
    public void Append(IEnumerable<object> segmentEvents)
    {
        foreach (var group in segmentEvents.GroupBy(SourceOf))
        {
            _streams[group.Key].AppendMany(group.ToArray());
        }
    }

    private static Guid SourceOf(object segmentEvent) => segmentEvent switch
    {
        SegmentRecoded e => e.SourceId,
        SegmentResized e => e.SourceId,
        SegmentUncoded e => e.SourceId,
        SegmentMemoChanged e => e.SourceId,
        SegmentImportanceSet e => e.SourceId,
        _ => throw new ArgumentException($"{segmentEvent.GetType().Name} is not an event of a coding.", nameof(segmentEvent)),
    };
}
