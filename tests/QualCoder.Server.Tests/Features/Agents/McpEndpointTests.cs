using System.Net;
using System.Net.Http.Headers;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>Who may reach /mcp at all: only a valid personal access token, and never from a foreign browser origin.</summary>
public sealed class McpEndpointTests(QualCoderApp app) : IntegrationTest(app)
{
    private const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"curl","version":"1"}}}""";

    private static HttpRequestMessage InitializeRequest(string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(Initialize, MediaTypeHeaderValue.Parse("application/json")) };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    private async Task<ApiClient> WithToken(ApiClient person)
    {
        var token = (await person.Post("/api/account/tokens", new { name = "agent" })).ShouldBe(HttpStatusCode.Created).String("token");
        var agent = Anonymous();
        agent.UseBearer(token);
        return agent;
    }

    [Fact]
    public async Task without_a_token_mcp_is_unauthorised() =>
        (await Anonymous().Send(InitializeRequest())).ShouldBe(HttpStatusCode.Unauthorized, "AUTH/UNAUTHENTICATED");

    [Fact]
    public async Task an_unknown_token_is_unauthorised()
    {
        var caller = Anonymous();
        caller.UseBearer("qcw_not-a-real-token");

        (await caller.Send(InitializeRequest())).ShouldBe(HttpStatusCode.Unauthorized, "AUTH/UNAUTHENTICATED");
    }

    [Fact]
    public async Task a_signed_in_browser_cookie_does_not_open_mcp()
    {
        var ada = await SignedIn("Ada");
        (await ada.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK);

        (await ada.Send(InitializeRequest())).ShouldBe(HttpStatusCode.Unauthorized, "AUTH/UNAUTHENTICATED");
    }

    [Fact]
    public async Task a_token_opens_mcp_with_no_origin_or_a_local_one()
    {
        var agent = await WithToken(await SignedIn("Ada"));

        // The answer is a server-sent event stream, so only its status is read here.
        foreach (var origin in new[] { null, "http://localhost:5173", "http://127.0.0.1:8765" })
        {
            using var response = await agent.Http.SendAsync(InitializeRequest(origin));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("null")]
    public async Task a_request_from_a_foreign_origin_is_forbidden_even_with_a_token(string origin)
    {
        var agent = await WithToken(await SignedIn("Ada"));

        (await agent.Send(InitializeRequest(origin))).ShouldBe(HttpStatusCode.Forbidden, "MCP/FORBIDDEN_ORIGIN");
    }

    [Fact]
    public async Task tools_are_listed_with_descriptions_and_honest_hints()
    {
        await using var agent = await AgentClient.ConnectAsync(App, await SignedIn("Ada"));

        var tools = (await agent.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.Superset(
            new HashSet<string> { "list_projects", "open_project", "close_project", "get_project_context", "navigate_to_segment" },
            tools.Keys.ToHashSet());
        Assert.All(tools.Values, tool =>
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description));
            // Every tool says whether it destroys; only a tool that writes may.
            Assert.NotNull(tool.Annotations?.DestructiveHint);
            Assert.False(tool.Annotations!.ReadOnlyHint == true && tool.Annotations.DestructiveHint == true);
            Assert.False(tool.Annotations?.OpenWorldHint ?? true);
        });
        Assert.All(["list_projects", "open_project", "close_project", "get_project_context", "navigate_to_segment", "add_text_source", "move_source_to_folder", "list_codes", "create_code", "rename_code", "find_similar_content", "suggest_merge_codes", "suggest_new_code", "suggest_source_metadata", "list_snapshots", "view_diff", "initialize_version_control"], name =>
            Assert.False(tools[name].Annotations!.DestructiveHint));
        Assert.All(["remove_source", "delete_folder", "merge_codes", "delete_code", "delete_category", "delete_segment", "approve_merge", "restore_snapshot"], name => Assert.True(tools[name].Annotations!.DestructiveHint));
        Assert.True(tools["list_projects"].Annotations!.ReadOnlyHint);
        Assert.True(tools["get_project_context"].Annotations!.ReadOnlyHint);
        Assert.False(tools["open_project"].Annotations!.ReadOnlyHint);
        Assert.False(tools["navigate_to_segment"].Annotations!.ReadOnlyHint);
        var navigate = tools["navigate_to_segment"].InputSchema.GetProperty("properties");
        Assert.All(["source_id", "start_pos", "end_pos", "highlight", "project_id"], name =>
            Assert.False(string.IsNullOrWhiteSpace(navigate.GetProperty(name).GetProperty("description").GetString())));
    }
}
