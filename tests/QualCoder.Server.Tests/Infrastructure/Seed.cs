using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Features.Suggestions;

namespace QualCoder.Server.Tests.Infrastructure;

/// <summary>
/// Puts codes and sources into a project by appending their events straight to the store, for tests of features
/// that use them (coding) without depending on the endpoints that create them.
/// </summary>
public sealed class Seed(QualCoderApp app, Guid projectId, Guid ownerId)
{
    public async Task<Guid> Code(string name, string color = "#336699")
    {
        var codeId = Guid.CreateVersion7();
        await Append(ProjectStreams.CodebookOf(projectId), new CodeCreated(projectId, codeId, name, color, "", null, new Actor(ownerId), DateTimeOffset.UtcNow));
        return codeId;
    }

    public async Task<Guid> Source(string text, string name = "Interview")
    {
        var sourceId = Guid.CreateVersion7();
        await Append(sourceId, new SourceAdded(projectId, sourceId, name, text, "text", "", "", null, new Actor(ownerId), DateTimeOffset.UtcNow));
        return sourceId;
    }

    /// <summary>Waits until the history batcher has closed the project's changes so far into a version, and answers its number.</summary>
    public Task<int> Version() => Features.History.ClosedVersions.CloseAsync(app, projectId);

    /// <summary>The owner's suggestion to code the first five code points of a source (which must read <paramref name="quote"/>).</summary>
    public async Task<Guid> CodingSuggestion(Guid sourceId, Guid codeId, string quote, Guid? batchId = null)
    {
        var suggestionId = Guid.CreateVersion7();
        await Append(suggestionId, new CodingSuggested(
            projectId, suggestionId, batchId, sourceId, "Source", codeId, "Code", 0, 5, quote, "", "", 70, "", new Actor(ownerId), DateTimeOffset.UtcNow));
        return suggestionId;
    }

    private async Task Append(Guid streamId, object @event)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.Append(streamId, @event);
        await session.SaveChangesAsync();
    }
}
