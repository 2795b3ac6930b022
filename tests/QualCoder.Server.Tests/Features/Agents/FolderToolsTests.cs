using System.Net;
using System.Text.Json;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent organises a project's folders through the folder tools, with the same rules as HTTP.</summary>
public sealed class FolderToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task an_agent_creates_nested_folders_renames_one_and_deletes_it_once_it_is_empty()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        (await agent.Call("open_project", new { path = "Interviews" })).ShouldSucceed();

        var fieldwork = (await agent.Call("create_folder", new { name = "Fieldwork", parent_id = "" })).ShouldSucceed().Data;
        var fieldworkId = fieldwork.GetProperty("folder_id").GetGuid();
        Assert.Equal(JsonValueKind.Null, fieldwork.GetProperty("parent_id").ValueKind);
        var ward = (await agent.Call("create_folder", new { name = "Ward A", parent_id = fieldworkId })).ShouldSucceed().Data;
        var wardId = ward.GetProperty("folder_id").GetGuid();
        Assert.Equal(fieldworkId, ward.GetProperty("parent_id").GetGuid());

        var renamed = (await agent.Call("rename_folder", new { folder_id = wardId, new_name = "Ward B" })).ShouldSucceed().Data;
        Assert.Equal(("Ward B", fieldworkId), (renamed.GetProperty("name").GetString(), renamed.GetProperty("parent_id").GetGuid()));

        var listed = (await agent.Call("list_folders")).ShouldSucceed().Data;
        Assert.Equal(2, listed.GetProperty("count").GetInt32());
        Assert.Equal(
            [("Fieldwork", (Guid?)null), ("Ward B", fieldworkId)],
            listed.GetProperty("folders").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("parent_id").ValueKind == JsonValueKind.Null ? null : (Guid?)f.GetProperty("parent_id").GetGuid())));
        var viaHttp = (await ada.Get($"/api/projects/{projectId}/folders")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, viaHttp["folders"].AsArray().Count);

        var sourceId = await ada.AddSource(projectId, "Interview 1", "Hello", wardId);
        (await agent.Call("delete_folder", new { folder_id = fieldworkId })).ShouldFail("FOLDER_NOT_DELETED/NOT_EMPTY");
        (await agent.Call("delete_folder", new { folder_id = wardId })).ShouldFail("FOLDER_NOT_DELETED/NOT_EMPTY");
        (await agent.Call("move_source_to_folder", new { source_id = sourceId })).ShouldSucceed();
        var deleted = (await agent.Call("delete_folder", new { folder_id = wardId })).ShouldSucceed().Data;
        Assert.True(deleted.GetProperty("deleted").GetBoolean());
        Assert.Single((await ada.Get($"/api/projects/{projectId}/folders")).ShouldBe(HttpStatusCode.OK)["folders"].AsArray());
    }

    [Fact]
    public async Task folder_tools_refuse_what_http_refuses_and_a_read_token_may_only_list()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        var folderId = await ada.CreateFolder(projectId, "Fieldwork");
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        await using var reader = await AgentClient.ConnectAsync(App, ada, scope: "read");

        (await agent.Call("create_folder", new { project_id = projectId, name = "fieldwork" })).ShouldFail("FOLDER_NOT_CREATED/DUPLICATE_NAME");
        (await agent.Call("create_folder", new { project_id = projectId, name = "a/b" })).ShouldFail("FOLDER_NOT_CREATED/INVALID_NAME");
        (await agent.Call("create_folder", new { project_id = projectId, name = "Ward", parent_id = Guid.NewGuid() })).ShouldFail("FOLDER_NOT_CREATED/PARENT_NOT_FOUND");
        (await agent.Call("create_folder", new { project_id = projectId })).ShouldFail("FOLDER_NOT_CREATED/MISSING_PARAM");
        (await agent.Call("rename_folder", new { project_id = projectId, folder_id = Guid.NewGuid(), new_name = "X" })).ShouldFail("FOLDER_NOT_RENAMED/NOT_FOUND");
        (await agent.Call("rename_folder", new { project_id = projectId, folder_id = folderId })).ShouldFail("FOLDER_NOT_RENAMED/MISSING_PARAM");
        (await agent.Call("delete_folder", new { project_id = projectId, folder_id = "Fieldwork" })).ShouldFail("FOLDER_NOT_DELETED/INVALID_PARAM");

        (await reader.Call("create_folder", new { project_id = projectId, name = "Mine" })).ShouldFail("FOLDER_NOT_CREATED/PERMISSION_DENIED");
        (await reader.Call("delete_folder", new { project_id = projectId, folder_id = folderId })).ShouldFail("FOLDER_NOT_DELETED/PERMISSION_DENIED");
        Assert.Equal(1, (await reader.Call("list_folders", new { project_id = projectId })).ShouldSucceed().Data.GetProperty("count").GetInt32());
    }
}
