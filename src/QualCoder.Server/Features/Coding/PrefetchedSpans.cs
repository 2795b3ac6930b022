using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Coding;

/// <summary>
/// The spans a few offset-given codings need, cut out of the stored text by PostgreSQL (substr counts code
/// points in a UTF-8 database, as we do), so coding one span of a long transcript never ships the transcript.
/// </summary>
public sealed class PrefetchedSpans(int length, IReadOnlyDictionary<(int Start, int End), string> spans) : ITextSpans
{
    /// <summary>Up to this many items, slices are fetched; beyond it, loading each text once is cheaper.</summary>
    public const int MaxItems = 64;

    private sealed record Slice(Guid Source, int Start, int End, string Text);

    public int Length { get; } = length;

    string ITextSpans.Slice(int start, int end) => spans.TryGetValue((start, end), out var text)
        ? text
        : throw new InvalidOperationException($"The span {start}..{end} was not prefetched.");

    public IReadOnlyList<(int Start, int End)> FindAll(string quote, int limit = int.MaxValue) =>
        throw new InvalidOperationException("Finding a quote needs the whole text; prefetching is only for codings given by offsets.");

    public static bool Suits(IReadOnlyCollection<CodingItem> items) =>
        items.Count <= MaxItems && items.All(i => i.Anchor is { Start: not null, End: not null });

    /// <summary>
    /// Every item's span, in one query, by source; when <paramref name="sharing"/> is given, the same statement also
    /// takes that stream's share lock (<see cref="StreamLocks"/>), saving a round trip on every coding.
    /// </summary>
    public static async Task<ILookup<Guid, (int Start, int End, string Text)>> FetchAsync(
        IDocumentSession session, IReadOnlyCollection<CodingItem> items, Guid? sharing, CancellationToken ct)
    {
        var table = session.DocumentStore.Options.Schema.For<SourceText>();
        var spans = "select jsonb_build_object('source', x.source, 'start', x.start, 'end', x.finish, " +
            "'text', substr(t.data ->> 'text', greatest(x.start, 0) + 1, greatest(x.finish - greatest(x.start, 0), 0))) " +
            $"from unnest(?::uuid[], ?::int[], ?::int[]) as x(source, start, finish) join {table} t on t.id = x.source";
        object[] parameters =
        [
            items.Select(i => i.SourceId).ToArray(),
            items.Select(i => i.Anchor.Start!.Value).ToArray(),
            items.Select(i => i.Anchor.End!.Value).ToArray(),
        ];
        var slices = sharing is { } streamId
            ? await session.QueryAsync<Slice>(
                $"with shared as (select 1 from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams where id = ? for share) " +
                spans + " left join shared on true",
                ct,
                [streamId, .. parameters])
            : await session.QueryAsync<Slice>(spans, ct, parameters);
        return slices.ToLookup(s => s.Source, s => (s.Start, s.End, s.Text));
    }

    public static PrefetchedSpans Of(Source source, IEnumerable<(int Start, int End, string Text)> slices) =>
        new(source.Length, slices.DistinctBy(s => (s.Start, s.End)).ToDictionary(s => (s.Start, s.End), s => s.Text));
}
