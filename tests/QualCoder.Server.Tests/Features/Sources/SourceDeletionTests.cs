using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Sources;

public sealed class SourceDeletionTests(QualCoderApp app) : IntegrationTest(app)
{
    /// <summary>Codes the source's first characters <paramref name="count"/> times, as the coding feature would: events in the source's stream.</summary>
    private async Task Code(Guid projectId, Guid sourceId, ApiClient coder, int count)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        for (var i = 0; i < count; i++)
        {
            session.Events.Append(sourceId, new SegmentCoded(
                projectId, sourceId, Guid.CreateVersion7(), Guid.CreateVersion7(), 0, 4, "Some", "", 0, new Actor(coder.AccountId), DateTimeOffset.UtcNow));
        }

        await session.SaveChangesAsync();
    }

    private async Task<(int Segments, int Texts)> RowsOf(Guid sourceId)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var segments = await session.Query<Segment>().CountAsync(s => s.SourceId == sourceId);
        var texts = await session.Query<SourceText>().CountAsync(t => t.Id == sourceId);
        return (segments, texts);
    }

    [Fact]
    public async Task the_list_counts_each_sources_codings()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var first = await ada.AddSource(projectId, "Interview 1");
        var second = await ada.AddSource(projectId, "Interview 2");
        await ada.AddSource(projectId, "Interview 3");
        await Code(projectId, first, ada, 3);
        await Code(projectId, second, ada, 1);

        var listed = (await ada.Get($"/api/projects/{projectId}/sources")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();

        Assert.Equal([3, 1, 0], listed.Select(s => s!["codingCount"]!.GetValue<int>()));
        Assert.Equal(3, (await ada.Get($"/api/projects/{projectId}/sources/{first}")).ShouldBe(HttpStatusCode.OK)["codingCount"].GetValue<int>());
    }

    [Fact]
    public async Task codings_advance_the_version_a_change_to_the_source_is_checked_against()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var id = await ada.AddSource(projectId, "Interview 1");
        await Code(projectId, id, ada, 2);
        var source = $"/api/projects/{projectId}/sources/{id}";

        var listed = (await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray().Single()!;
        Assert.Equal(3, listed["version"]!.GetValue<long>());
        Assert.Equal(3, (await ada.Get(source))["version"].GetValue<long>());
        (await ada.Put($"{source}/name", new { name = "Late", expectedVersion = 1 })).ShouldBe(HttpStatusCode.Conflict, "CONCURRENCY_CONFLICT/STALE_VERSION");

        var renamed = (await ada.Put($"{source}/name", new { name = "Interview 1b", expectedVersion = 3 })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(4, renamed["version"].GetValue<long>());
    }

    [Fact]
    public async Task deleting_first_previews_how_many_codings_would_go_and_changes_nothing()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var id = await ada.AddSource(projectId, "Interview 1");
        await Code(projectId, id, ada, 3);

        var preview = (await ada.Delete($"/api/projects/{projectId}/sources/{id}")).ShouldBe(HttpStatusCode.OK);
        var stillPreview = (await ada.Delete($"/api/projects/{projectId}/sources/{id}?confirm=false")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(id, preview.Guid("sourceId"));
        Assert.Equal("Interview 1", preview.String("name"));
        Assert.Equal(3, preview["codingsToRemove"].GetValue<int>());
        Assert.True(preview["requiresConfirmation"].GetValue<bool>());
        Assert.True(stillPreview["requiresConfirmation"].GetValue<bool>());
        var source = (await ada.Get($"/api/projects/{projectId}/sources/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(4, source["version"].GetValue<long>());
        Assert.Equal((3, 1), await RowsOf(id));
    }

    [Fact]
    public async Task a_confirmed_delete_removes_the_source_its_text_and_its_codings()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var id = await ada.AddSource(projectId, "Interview 1");
        var kept = await ada.AddSource(projectId, "Interview 2");
        await Code(projectId, id, ada, 2);
        await Code(projectId, kept, ada, 1);

        var deleted = (await ada.Delete($"/api/projects/{projectId}/sources/{id}?confirm=true")).ShouldBe(HttpStatusCode.OK);

        Assert.True(deleted["removed"].GetValue<bool>());
        Assert.Equal(2, deleted["codingsRemoved"].GetValue<int>());
        Assert.Equal((0, 0), await RowsOf(id));
        Assert.Equal((1, 1), await RowsOf(kept));
        (await ada.Get($"/api/projects/{projectId}/sources/{id}")).ShouldBe(HttpStatusCode.NotFound, "SOURCE/NOT_FOUND");
        (await ada.Get($"/api/projects/{projectId}/sources/{id}/text")).ShouldBe(HttpStatusCode.NotFound, "SOURCE_TEXT/NOT_FOUND");
        (await ada.Delete($"/api/projects/{projectId}/sources/{id}?confirm=true")).ShouldBe(HttpStatusCode.NotFound, "SOURCE_NOT_DELETED/NOT_FOUND");
        var listed = (await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray();
        Assert.Equal(kept, Assert.Single(listed)!["id"]!.GetValue<Guid>());
    }
}
