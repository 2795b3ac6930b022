using JasperFx.Events;
using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Codebook;

/// <summary>
/// How a codebook change reaches the codings of a code (merge, delete): their events go to each coding's own source
/// stream, in the same transaction as the codebook's event. The source streams are fetched for writing, so a coder
/// who changes one of those sources at the same moment makes one of the two commands run again on fresh state
/// instead of a coding being missed.
/// </summary>
internal sealed class CodingStreams
{
    private readonly Dictionary<Guid, IEventStream<Source>> _streams;

    private CodingStreams(Dictionary<Guid, IEventStream<Source>> streams, IReadOnlyDictionary<Guid, CodePointText> texts)
    {
        _streams = streams;
        Texts = texts;
    }

    /// <summary>The texts asked for, by source id.</summary>
    public IReadOnlyDictionary<Guid, CodePointText> Texts { get; }

    /// <summary>Fetches the source streams for writing, and the texts of <paramref name="textsOf"/>, in one round trip.</summary>
    public static async Task<CodingStreams> FetchAsync(
        IDocumentSession session, IReadOnlyCollection<Guid> sourceIds, IReadOnlyCollection<Guid> textsOf, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var streamLoads = sourceIds.Distinct().ToDictionary(id => id, id => batch.Events.FetchForWriting<Source>(id));
        var textLoad = textsOf.Count > 0 ? batch.LoadMany<SourceText>().ById([.. textsOf.Distinct()]) : null;
        await batch.Execute(ct);

        var streams = new Dictionary<Guid, IEventStream<Source>>();
        foreach (var (id, load) in streamLoads)
        {
            streams[id] = await load;
        }

        var texts = textLoad is null ? [] : (await textLoad).ToDictionary(t => t.Id, t => new CodePointText(t.Text));
        return new CodingStreams(streams, texts);
    }

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
