using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Folders;

/// <summary>A folder deleted while sources are moved or added into it leaves no source in a folder that is gone.</summary>
public sealed class FolderRaceTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task sources_racing_the_deletion_of_their_folder_never_end_up_in_a_missing_folder()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var folderId = (await ada.Post($"/api/projects/{projectId}/folders", new { name = "Ward A" })).ShouldBe(HttpStatusCode.Created).Guid("id");
        var seed = new Seed(App, projectId, ada.AccountId);
        var sources = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => seed.Source("Notes", $"Note {i}")));

        var moves = sources.Select(async (id, i) =>
        {
            await Task.Delay(i % 4);
            return await ada.Put($"/api/projects/{projectId}/sources/{id}/folder", new { folderId });
        }).ToList();
        var adds = Enumerable.Range(0, 12).Select(async i =>
        {
            await Task.Delay(i % 4);
            return await ada.Post($"/api/projects/{projectId}/sources", new { name = $"Pasted {i}", content = "Text", folderId });
        }).ToList();
        var deletion = ada.Delete($"/api/projects/{projectId}/folders/{folderId}");
        await Task.WhenAll(moves.Concat(adds));

        var deleted = await deletion;
        Assert.True(deleted.Status is HttpStatusCode.NoContent or HttpStatusCode.Conflict, deleted.Text);
        var folders = (await ada.Get($"/api/projects/{projectId}/folders")).ShouldBe(HttpStatusCode.OK)["folders"].AsArray()
            .Select(f => f!["id"]!.GetValue<Guid>()).ToHashSet();
        var inFolders = (await ada.Get($"/api/projects/{projectId}/sources")).ShouldBe(HttpStatusCode.OK).Json!.AsArray()
            .Select(s => s!["folderId"]?.GetValue<Guid>()).Where(f => f is not null).ToList();
        Assert.All(inFolders, f => Assert.Contains(f!.Value, folders));
        Assert.Equal(deleted.Status == HttpStatusCode.Conflict, inFolders.Count > 0);
    }
}
