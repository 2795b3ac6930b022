using Marten;

namespace QualCoder.Server.Features.Sources;

/// <summary>
/// A restored source's text, for the read models that dropped it when the source was deleted: it is still in the
/// stream's first event, which the store never deletes.
/// </summary>
public static class SourceRestoredText
{
    public static async Task<SourceAdded?> AddedAsync(IQuerySession session, SourceRestored e, CancellationToken ct)
    {
        var first = await session.Events.FetchStreamAsync(e.SourceId, version: 1, token: ct);
        return first.Select(x => x.Data).OfType<SourceAdded>().FirstOrDefault();
    }
}
