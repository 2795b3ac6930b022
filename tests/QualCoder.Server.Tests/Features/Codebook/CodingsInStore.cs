using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Codebook;

/// <summary>
/// Sources and codings written straight into the app's event store, as their own endpoints will write them: a
/// SourceAdded starts a source's stream (and its SourceText), a SegmentCoded in that stream is a coding.
/// </summary>
internal sealed class CodingsInStore(QualCoderApp app)
{
    private IDocumentStore Store => app.Services.GetRequiredService<IDocumentStore>();

    public Task<Guid> AddSource(Guid projectId, ApiClient by, string text, string name = "Interview 1") =>
        new Seed(app, projectId, by.AccountId).Source(text, name);

    /// <summary>Codes [start, end) of a source with a code as <paramref name="coder"/>, at <paramref name="at"/> (default now).</summary>
    public async Task<Guid> Code(
        Guid projectId, Guid sourceId, Guid codeId, ApiClient coder, int start, int end, string memo = "", int importance = 0, DateTimeOffset? at = null)
    {
        var segmentId = Guid.CreateVersion7();
        await using var session = Store.LightweightSession();
        var text = new CodePointText((await session.LoadAsync<SourceText>(sourceId))!.Text);
        session.Events.Append(sourceId, new SegmentCoded(
            projectId, sourceId, segmentId, codeId, start, end, text.Slice(start, end), memo, importance, new Actor(coder.AccountId), at ?? DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return segmentId;
    }

    public async Task<IReadOnlyList<Segment>> Segments(Guid projectId)
    {
        await using var session = Store.QuerySession();
        return await session.Query<Segment>().Where(s => s.ProjectId == projectId).OrderBy(s => s.Start).ToListAsync();
    }

    /// <summary>The events of a source's stream, by type name, in order.</summary>
    public async Task<IReadOnlyList<object>> EventsOf(Guid sourceId)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(sourceId)).Select(e => e.Data)];
    }
}
