using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using QualCoder.Server.Features.Agents;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;
using QualCoder.Server.Tests.Realtime;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent finds, opens and reads a project through the project tools and resources, as its person may.</summary>
public sealed class ProjectToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task an_agent_opens_a_project_by_name_sees_its_context_and_closes_it()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await ada.CreateProject("Field notes");
        var sourceId = await ada.AddSource(projectId, "Interview 1", "Hello world");
        await using var agent = await AgentClient.ConnectAsync(App, ada);

        var listed = (await agent.Call("list_projects")).ShouldSucceed().Data;
        Assert.Equal(2, listed.GetProperty("count").GetInt32());
        Assert.Equal(["Field notes", "Interviews"], listed.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var opened = (await agent.Call("open_project", new { path = "interviews" })).ShouldSucceed().Data;
        Assert.Equal(projectId, opened.GetProperty("project_id").GetGuid());
        Assert.Equal("owner", opened.GetProperty("role").GetString());

        var context = (await agent.Call("get_project_context")).ShouldSucceed().Data;
        Assert.True(context.GetProperty("project_open").GetBoolean());
        Assert.Equal("Interviews", context.GetProperty("project_name").GetString());
        Assert.Equal(1, context.GetProperty("source_count").GetInt32());
        var source = Assert.Single(context.GetProperty("sources").EnumerateArray());
        Assert.Equal(sourceId, source.GetProperty("id").GetGuid());
        Assert.Equal("text", source.GetProperty("type").GetString());
        Assert.Equal(0, context.GetProperty("case_count").GetInt32());

        (await agent.Call("close_project")).ShouldSucceed();
        Assert.False((await agent.Call("get_project_context")).ShouldSucceed().Data.GetProperty("project_open").GetBoolean());
        (await agent.Call("navigate_to_segment", new { source_id = sourceId, start_pos = 0, end_pos = 5 }))
            .ShouldFail("NAVIGATE/NO_CONTEXT");
    }

    [Fact]
    public async Task the_current_project_is_kept_in_the_database_with_the_agent_that_opened_it_until_the_session_ends()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await using var agent = await AgentClient.ConnectAsync(App, ada);

        (await agent.Call("open_project", new { project_id = projectId })).ShouldSucceed();

        var sessionId = agent.Client.SessionId!;
        var state = await StateOf(sessionId);
        Assert.Equal((ada.AccountId, projectId, AgentClient.Name, AgentClient.Version), (state!.AccountId, state.ProjectId, state.ClientName, state.ClientVersion));

        await agent.DisposeAsync();
        for (var waited = 0; await StateOf(sessionId) is not null; waited += 50)
        {
            Assert.True(waited < 5000, "The ended session's state is still stored after 5 s.");
            await Task.Delay(50);
        }
    }

    private async Task<AgentSessionState?> StateOf(string sessionId)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<AgentSessionState>(sessionId);
    }

    [Fact]
    public async Task a_project_the_person_is_not_a_member_of_is_not_found_exactly_like_a_missing_one()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var adas = await ada.CreateProject("Secret");
        await using var agent = await AgentClient.ConnectAsync(App, bob);

        var foreign = (await agent.Call("open_project", new { path = adas.ToString() })).ShouldFail("PROJECT/NOT_FOUND");
        var missing = (await agent.Call("open_project", new { path = Guid.NewGuid().ToString() })).ShouldFail("PROJECT/NOT_FOUND");
        (await agent.Call("open_project", new { path = "Secret" })).ShouldFail("PROJECT/NOT_FOUND");
        (await agent.Call("get_project_context", new { project_id = adas })).ShouldFail("PROJECT/NOT_FOUND");
        Assert.Equal(missing.Envelope.GetProperty("error").GetString(), foreign.Envelope.GetProperty("error").GetString());
        Assert.Equal(0, (await agent.Call("list_projects")).ShouldSucceed().Data.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task an_explicit_project_id_overrides_the_open_project_and_a_malformed_one_is_explained()
    {
        var ada = await SignedIn("Ada");
        await ada.CreateProject("Interviews");
        var other = await ada.CreateProject("Field notes");
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        (await agent.Call("open_project", new { path = "Interviews" })).ShouldSucceed();

        Assert.Equal("Field notes", (await agent.Call("get_project_context", new { project_id = other })).ShouldSucceed().Data.GetProperty("project_name").GetString());
        (await agent.Call("get_project_context", new { project_id = "not-an-id" })).ShouldFail("PROJECT/INVALID_PROJECT_ID");
        (await agent.Call("open_project")).ShouldFail("PROJECT/MISSING_PARAM");
    }

    [Fact]
    public async Task navigate_reaches_the_persons_own_browsers_and_no_one_elses()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var projectId = await ada.CreateProject("Interviews");
        await ada.AddMember(projectId, bob, "viewer");
        var sourceId = await ada.AddSource(projectId, "Interview 1", "Hello wonderful world");
        await using var adasBrowser = await LiveClient.ConnectAsync(App, ada);
        await using var bobsBrowser = await LiveClient.ConnectAsync(App, bob);
        await using var agent = await AgentClient.ConnectAsync(App, ada, scope: "read");
        (await agent.Call("open_project", new { path = "Interviews" })).ShouldSucceed();

        var answer = (await agent.Call("navigate_to_segment", new { source_id = sourceId, start_pos = 6, end_pos = 15 })).ShouldSucceed();

        Assert.Equal("Interview 1", answer.Data.GetProperty("navigated_to").GetProperty("source_name").GetString());
        var navigation = (await adasBrowser.Navigations.WaitFor(n => n.Count == 1)).Single();
        Assert.Equal(
            (projectId, sourceId, 6, 15, true, AgentClient.Name),
            (navigation.GetProperty("projectId").GetGuid(), navigation.GetProperty("sourceId").GetGuid(), navigation.GetProperty("start").GetInt32(),
                navigation.GetProperty("end").GetInt32(), navigation.GetProperty("highlight").GetBoolean(), navigation.GetProperty("by").GetProperty("clientName").GetString()));
        // A round trip on Bob's connection: anything sent to it before would have arrived first.
        await bobsBrowser.GetPresence(projectId);
        Assert.Empty(bobsBrowser.Navigations.Received);
    }

    [Fact]
    public async Task navigate_refuses_a_span_outside_the_text_and_an_unknown_source()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        var sourceId = await ada.AddSource(projectId, "Interview 1", "Hello");
        await using var agent = await AgentClient.ConnectAsync(App, ada);

        (await agent.Call("navigate_to_segment", new { project_id = projectId, source_id = sourceId, start_pos = 2, end_pos = 6 })).ShouldFail("NAVIGATE/INVALID_POSITION");
        (await agent.Call("navigate_to_segment", new { project_id = projectId, source_id = Guid.NewGuid(), start_pos = 0, end_pos = 1 })).ShouldFail("NAVIGATE/NOT_FOUND");
    }

    [Fact]
    public async Task resources_read_back_a_sources_text_and_the_codebook_for_members_only()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var projectId = await ada.CreateProject("Interviews");
        var sourceId = await ada.AddSource(projectId, "Interview 1", "Grüße aus 🌍, twice.");
        (await ada.Post($"/api/projects/{projectId}/codes", new { name = "Greeting", color = "#336699" })).ShouldBe(HttpStatusCode.Created);
        await using var adasAgent = await AgentClient.ConnectAsync(App, ada, scope: "read");
        await using var bobsAgent = await AgentClient.ConnectAsync(App, bob);

        var text = await adasAgent.Client.ReadResourceAsync($"qualcoder://projects/{projectId}/sources/{sourceId}");
        Assert.Equal("Grüße aus 🌍, twice.", Assert.IsType<TextResourceContents>(Assert.Single(text.Contents)).Text);
        var codebook = await adasAgent.Client.ReadResourceAsync($"qualcoder://projects/{projectId}/codebook");
        Assert.Contains("Greeting", Assert.IsType<TextResourceContents>(Assert.Single(codebook.Contents)).Text);

        var refused = await Assert.ThrowsAnyAsync<McpException>(() => bobsAgent.Client.ReadResourceAsync($"qualcoder://projects/{projectId}/sources/{sourceId}").AsTask());
        Assert.Contains("SOURCE_TEXT/NOT_FOUND", refused.Message);
    }
}
