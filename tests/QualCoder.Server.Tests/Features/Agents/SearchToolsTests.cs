using System.Text.Json;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent looks for passages like a text through find_similar_content, the same search as the HTTP route.</summary>
public sealed class SearchToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    private const string Interview = "We waited at the clinic for hours.\nThe children were hungry and tired.\nNobody explained the delay.";

    [Fact]
    public async Task an_agent_finds_passages_by_words_and_by_a_misspelling_with_positions_it_can_code()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Clinic study");
        var sourceId = await ada.AddSource(projectId, "Interview 1", Interview);
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        (await agent.Call("open_project", new { path = "Clinic study" })).ShouldSucceed();

        var found = (await agent.Call("find_similar_content", new { search_text = "children hungry" })).ShouldSucceed().Data;
        var match = Assert.Single(found.GetProperty("matches").EnumerateArray());
        Assert.Equal(1, found.GetProperty("match_count").GetInt32());
        Assert.Equal(sourceId, match.GetProperty("source_id").GetGuid());
        Assert.Equal("Interview 1", match.GetProperty("source_name").GetString());
        var (start, end) = (match.GetProperty("start_pos").GetInt32(), match.GetProperty("end_pos").GetInt32());
        Assert.Contains("The children were hungry", Interview[start..end], StringComparison.Ordinal);

        var misspelt = (await agent.Call("find_similar_content", new { search_text = "clinik" })).ShouldSucceed().Data;
        Assert.Contains(misspelt.GetProperty("matches").EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains("clinic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task search_refusals_are_tool_errors_and_a_read_token_may_search()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Clinic study");
        await ada.AddSource(projectId, "Interview 1", Interview);
        await using var reader = await AgentClient.ConnectAsync(App, ada, scope: "read");

        (await reader.Call("find_similar_content", new { project_id = projectId, search_text = "   " })).ShouldFail("SEARCH/EMPTY_TEXT");
        (await reader.Call("find_similar_content", new { project_id = projectId, search_text = "clinic", limit = 0 })).ShouldFail("SEARCH/INVALID_LIMIT");
        (await reader.Call("find_similar_content", new { project_id = projectId, search_text = "clinic", code_id = "nope" })).ShouldFail("SEARCH/INVALID_PARAM");
        (await reader.Call("find_similar_content", new { project_id = projectId, search_text = "clinic", code_id = Guid.NewGuid() })).ShouldFail("SEARCH/CODE_NOT_FOUND");
        (await reader.Call("find_similar_content", new { search_text = "clinic" })).ShouldFail("SEARCH/NO_CONTEXT");
        var found = (await reader.Call("find_similar_content", new { project_id = projectId, search_text = "clinic" })).ShouldSucceed().Data;
        Assert.Equal(JsonValueKind.Array, found.GetProperty("matches").ValueKind);
    }
}
