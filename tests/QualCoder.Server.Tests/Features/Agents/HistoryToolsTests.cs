using System.Net;
using QualCoder.Server.Tests.Features.History;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent reads the history, compares versions and restores one through the v2-named tools.</summary>
public sealed class HistoryToolsTests(HistoryApp app) : IntegrationTest<HistoryApp>(app)
{
    [Fact]
    public async Task an_agent_lists_versions_views_a_diff_and_restores_an_earlier_version_as_itself()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        var codeId = (await ada.Post($"/api/projects/{projectId}/codes", new { name = "Joy", color = "#e6194b" })).ShouldBe(HttpStatusCode.Created).Guid("id");
        var v1 = await ClosedVersions.CloseAsync(App, projectId);
        (await ada.Put($"/api/projects/{projectId}/codes/{codeId}/name", new { name = "Delight" })).ShouldBe(HttpStatusCode.OK);
        var v2 = await ClosedVersions.CloseAsync(App, projectId);
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        (await agent.Call("open_project", new { path = "Interviews" })).ShouldSucceed();

        var init = (await agent.Call("initialize_version_control")).ShouldSucceed().Data;
        Assert.Equal((true, v2), (init.GetProperty("enabled").GetBoolean(), init.GetProperty("version_count").GetInt32()));
        var listed = (await agent.Call("list_snapshots", new { limit = 1 })).ShouldSucceed().Data;
        var newest = Assert.Single(listed.GetProperty("snapshots").EnumerateArray());
        Assert.Equal(($"{v2}", true), (newest.GetProperty("sha").GetString(), newest.GetProperty("current").GetBoolean()));
        Assert.Equal("Ada", newest.GetProperty("author").GetString());
        (await agent.Call("list_snapshots", new { limit = 201 })).ShouldFail("HISTORY/INVALID_LIMIT");

        var diff = (await agent.Call("view_diff", new { from_ref = "HEAD~1", to_ref = "HEAD" })).ShouldSucceed().Data;
        var renamed = Assert.Single(diff.GetProperty("changes").EnumerateArray());
        Assert.Equal(("renamed", "Joy", "Delight"), (renamed.GetProperty("kind").GetString(), renamed.GetProperty("before").GetString(), renamed.GetProperty("after").GetString()));
        Assert.Equal(1, diff.GetProperty("stats").GetProperty("changed").GetInt32());
        (await agent.Call("view_diff", new { from_ref = $"HEAD~{v2 + 1}" })).ShouldFail("HISTORY_DIFF/VERSION_NOT_FOUND");
        (await agent.Call("view_diff", new { to_ref = "main" })).ShouldFail("HISTORY_DIFF/INVALID_REF");

        var preview = (await agent.Call("restore_snapshot", new { @ref = $"{v1}" })).ShouldSucceed().Data;
        Assert.True(preview.GetProperty("preview").GetBoolean());
        Assert.Equal("Delight", (await ada.Get($"/api/projects/{projectId}/codes/{codeId}")).String("name"));

        var restored = (await agent.Call("restore_snapshot", new { @ref = "HEAD~1", confirm = true })).ShouldSucceed().Data;
        Assert.Equal(2, restored.GetProperty("events_appended").GetInt32());
        Assert.Equal("Joy", (await ada.Get($"/api/projects/{projectId}/codes/{codeId}")).String("name"));
        (await agent.Call("restore_snapshot", new { })).ShouldFail("PROJECT_NOT_RESTORED/MISSING_PARAM");
    }

    [Fact]
    public async Task a_read_token_previews_but_does_not_restore()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await ada.Post($"/api/projects/{projectId}/codes", new { name = "Joy", color = "#e6194b" });
        await ClosedVersions.CloseAsync(App, projectId);
        await using var reader = await AgentClient.ConnectAsync(App, ada, "read");

        (await reader.Call("restore_snapshot", new { project_id = projectId, @ref = "HEAD" })).ShouldSucceed();
        (await reader.Call("restore_snapshot", new { project_id = projectId, @ref = "HEAD", confirm = true })).ShouldFail("PROJECT_NOT_RESTORED/PERMISSION_DENIED");
    }
}
