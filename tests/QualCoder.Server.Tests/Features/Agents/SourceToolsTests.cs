using System.Net;
using System.Text;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent lists, reads, adds, imports, files and removes sources through the source tools, as its person may.</summary>
public sealed class SourceToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    private const string Greeting = "Grüße aus 🌍, twice.";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task an_agent_adds_a_text_source_as_its_person_and_reads_it_back_in_pages()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        (await agent.Call("open_project", new { path = "Interviews" })).ShouldSucceed();

        var added = (await agent.Call("add_text_source", new { name = "Interview 1", content = Greeting + "\r\nBye.", memo = "First", origin = "Ward B" })).ShouldSucceed().Data;
        var sourceId = added.GetProperty("source_id").GetGuid();
        Assert.Equal(("Interview 1", "text", "imported", 24), (added.GetProperty("name").GetString(), added.GetProperty("type").GetString(), added.GetProperty("status").GetString(), added.GetProperty("file_size").GetInt32()));

        var viaHttp = (await ada.Get($"/api/projects/{projectId}/sources/{sourceId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("First", "Ward B", 24), (viaHttp.String("memo"), viaHttp.String("origin"), viaHttp["length"]!.GetValue<int>()));
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var addedEvent = Assert.IsType<SourceAdded>((await session.Events.FetchStreamAsync(sourceId))[0].Data);
            Assert.Equal(ada.AccountId, addedEvent.Actor.AccountId);
            Assert.Equal((agent.Client.SessionId, AgentClient.Name, AgentClient.Version), (addedEvent.Actor.Agent!.SessionId, addedEvent.Actor.Agent.ClientName, addedEvent.Actor.Agent.ClientVersion));
        }

        var first = (await agent.Call("read_source_content", new { source_id = sourceId, max_length = 11 })).ShouldSucceed().Data;
        Assert.Equal(("Grüße aus 🌍", 0, 11, 24, true), (first.GetProperty("content").GetString(), first.GetProperty("start_pos").GetInt32(),
            first.GetProperty("end_pos").GetInt32(), first.GetProperty("total_length").GetInt32(), first.GetProperty("has_more").GetBoolean()));
        var rest = (await agent.Call("read_source_content", new { source_id = sourceId, start_pos = 11, end_pos = 1000 })).ShouldSucceed().Data;
        Assert.Equal((", twice.\nBye.", 24, false), (rest.GetProperty("content").GetString(), rest.GetProperty("end_pos").GetInt32(), rest.GetProperty("has_more").GetBoolean()));
        Assert.Equal("Interview 1", rest.GetProperty("source_name").GetString());

        var listed = (await agent.Call("list_sources")).ShouldSucceed().Data;
        var source = Assert.Single(listed.GetProperty("sources").EnumerateArray());
        Assert.Equal((sourceId, "text", "text", 0, "First"), (source.GetProperty("id").GetGuid(), source.GetProperty("type").GetString(),
            source.GetProperty("format").GetString(), source.GetProperty("code_count").GetInt32(), source.GetProperty("memo").GetString()));
        Assert.Equal(1, (await agent.Call("list_sources", new { source_type = "TEXT" })).ShouldSucceed().Data.GetProperty("count").GetInt32());
        var audio = (await agent.Call("list_sources", new { source_type = "audio" })).ShouldSucceed().Data;
        Assert.Equal(0, audio.GetProperty("count").GetInt32());
        Assert.Contains("text sources only", audio.GetProperty("note").GetString());
        (await agent.Call("list_sources", new { source_type = "spreadsheet" })).ShouldFail("SOURCES/INVALID_PARAM");
    }

    [Fact]
    public async Task adding_and_reading_refuse_what_http_refuses_and_name_the_bad_argument()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        var sourceId = await ada.AddSource(projectId, "Interview 1", "Hello");
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        await using var reader = await AgentClient.ConnectAsync(App, ada, scope: "read");

        (await agent.Call("add_text_source", new { project_id = projectId, name = "interview 1", content = "Again" })).ShouldFail("SOURCE_NOT_ADDED/DUPLICATE_NAME");
        (await agent.Call("add_text_source", new { project_id = projectId, name = "Blank", content = "  " })).ShouldFail("SOURCE_NOT_ADDED/EMPTY_CONTENT");
        (await agent.Call("add_text_source", new { project_id = projectId, name = "No text" })).ShouldFail("SOURCE_NOT_ADDED/MISSING_PARAM");
        (await agent.Call("add_text_source", new { project_id = projectId, name = "Filed", content = "x", folder_id = Guid.NewGuid() })).ShouldFail("SOURCE_NOT_ADDED/FOLDER_NOT_FOUND");
        (await agent.Call("add_text_source", new { name = "Nowhere", content = "x" })).ShouldFail("SOURCE_NOT_ADDED/NO_CONTEXT");
        (await reader.Call("add_text_source", new { project_id = projectId, name = "Mine", content = "x" })).ShouldFail("SOURCE_NOT_ADDED/PERMISSION_DENIED");

        (await reader.Call("read_source_content", new { project_id = projectId, source_id = Guid.NewGuid() })).ShouldFail("SOURCE_TEXT/NOT_FOUND");
        (await reader.Call("read_source_content", new { project_id = projectId, source_id = "7" })).ShouldFail("SOURCE_TEXT/INVALID_PARAM");
        (await reader.Call("read_source_content", new { project_id = projectId })).ShouldFail("SOURCE_TEXT/MISSING_PARAM");
        (await reader.Call("read_source_content", new { project_id = projectId, source_id = sourceId, max_length = 0 })).ShouldFail("SOURCE_TEXT/INVALID_PARAM");
        (await reader.Call("read_source_content", new { project_id = projectId, source_id = sourceId, start_pos = 6 })).ShouldFail("SOURCE_TEXT/INVALID_RANGE");
        Assert.Single((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task a_file_is_imported_from_its_bytes_after_a_dry_run_that_adds_nothing()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        var file = new { project_id = projectId, file_name = "Field notes.md", content_base64 = Base64("# Notes\r\n\r\nSeen on ward B. " + new string('x', 400)) };

        var dry = (await agent.Call("import_file_source", new { file.project_id, file.file_name, file.content_base64, dry_run = true })).ShouldSucceed().Data;
        Assert.Equal(("Field notes", "md", 425), (dry.GetProperty("name").GetString(), dry.GetProperty("format").GetString(), dry.GetProperty("characters").GetInt32()));
        Assert.Equal(300, dry.GetProperty("preview").GetString()!.Length);
        Assert.StartsWith("# Notes\n\nSeen", dry.GetProperty("preview").GetString());
        Assert.Empty((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());

        var imported = (await agent.Call("import_file_source", file)).ShouldSucceed().Data;
        Assert.Equal(("Field notes", "md"), (imported.GetProperty("name").GetString(), imported.GetProperty("format").GetString()));
        var page = (await ada.Get($"/api/projects/{projectId}/sources/{imported.GetProperty("source_id").GetGuid()}/text")).ShouldBe(HttpStatusCode.OK);
        Assert.StartsWith("# Notes\n\nSeen on ward B.", page.String("text"));

        (await agent.Call("import_file_source", new { file.project_id, file.file_name, file.content_base64, dry_run = true })).ShouldFail("SOURCE_NOT_ADDED/DUPLICATE_NAME");
        (await agent.Call("import_file_source", new { project_id = projectId, file_path = "/etc/passwd" })).ShouldFail("SOURCE_NOT_ADDED/INVALID_PARAM");
        (await agent.Call("import_file_source", new { project_id = projectId, file_name = "a.txt", content_base64 = "not base64!" })).ShouldFail("SOURCE_NOT_ADDED/INVALID_PARAM");
        (await agent.Call("import_file_source", new { project_id = projectId, file_name = "a.txt" })).ShouldFail("SOURCE_NOT_ADDED/MISSING_PARAM");
        (await agent.Call("import_file_source", new { project_id = projectId, file_name = "photo.png", content_base64 = Base64("PNG") })).ShouldFail("SOURCE_NOT_ADDED/UNSUPPORTED_TYPE");
        Assert.Single((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task a_source_is_removed_only_after_a_preview_and_with_its_codings()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        var sourceId = await ada.AddSource(projectId, "Interview 1", "Hello world");
        var codeId = (await ada.Post($"/api/projects/{projectId}/codes", new { name = "Greeting", color = "#336699" })).ShouldBe(HttpStatusCode.Created).Guid("id");
        (await ada.Post($"/api/projects/{projectId}/segments", new { sourceId, codeId, start = 0, end = 5 })).ShouldBe(HttpStatusCode.Created);
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        await using var reader = await AgentClient.ConnectAsync(App, ada, scope: "read");

        var preview = (await agent.Call("remove_source", new { project_id = projectId, source_id = sourceId })).ShouldSucceed().Data;
        Assert.Equal((1, true), (preview.GetProperty("coded_segments_count").GetInt32(), preview.GetProperty("requires_approval").GetBoolean()));
        (await ada.Get($"/api/projects/{projectId}/sources/{sourceId}")).ShouldBe(HttpStatusCode.OK);
        (await reader.Call("remove_source", new { project_id = projectId, source_id = sourceId, confirm = true })).ShouldFail("SOURCE_NOT_DELETED/PERMISSION_DENIED");

        var removed = (await agent.Call("remove_source", new { project_id = projectId, source_id = sourceId, confirm = true })).ShouldSucceed().Data;
        Assert.Equal((true, 1), (removed.GetProperty("removed").GetBoolean(), removed.GetProperty("segments_removed").GetInt32()));
        (await ada.Get($"/api/projects/{projectId}/sources/{sourceId}")).ShouldBe(HttpStatusCode.NotFound);
        (await agent.Call("remove_source", new { project_id = projectId, source_id = sourceId })).ShouldFail("SOURCE_NOT_DELETED/NOT_FOUND");
    }

    [Fact]
    public async Task a_source_moves_into_a_folder_and_back_to_the_top_level_with_zero()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        var sourceId = await ada.AddSource(projectId, "Interview 1", "Hello");
        var folderId = await ada.CreateFolder(projectId, "Fieldwork");
        await using var agent = await AgentClient.ConnectAsync(App, ada);

        var moved = (await agent.Call("move_source_to_folder", new { project_id = projectId, source_id = sourceId, folder_id = folderId })).ShouldSucceed().Data;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, moved.GetProperty("old_folder_id").ValueKind);
        Assert.Equal(folderId, moved.GetProperty("new_folder_id").GetGuid());
        Assert.Equal(folderId, (await ada.Get($"/api/projects/{projectId}/sources/{sourceId}")).ShouldBe(HttpStatusCode.OK).Guid("folderId"));

        var back = (await agent.Call("move_source_to_folder", new { project_id = projectId, source_id = sourceId, folder_id = 0 })).ShouldSucceed().Data;
        Assert.Equal(folderId, back.GetProperty("old_folder_id").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, back.GetProperty("new_folder_id").ValueKind);
        Assert.Null((await ada.Get($"/api/projects/{projectId}/sources/{sourceId}")).ShouldBe(HttpStatusCode.OK).Json!["folderId"]);

        (await agent.Call("move_source_to_folder", new { project_id = projectId, source_id = sourceId, folder_id = Guid.NewGuid() })).ShouldFail("SOURCE_NOT_MOVED/FOLDER_NOT_FOUND");
        (await agent.Call("move_source_to_folder", new { project_id = projectId, source_id = sourceId, folder_id = 3 })).ShouldFail("SOURCE_NOT_MOVED/INVALID_PARAM");
        (await agent.Call("move_source_to_folder", new { project_id = projectId, folder_id = folderId })).ShouldFail("SOURCE_NOT_MOVED/MISSING_PARAM");
    }
}

/// <summary>A server whose ordinary request bodies are small (2,000 bytes) and whose sources may be larger (3,000 bytes).</summary>
public sealed class SmallBodiesApp : QualCoderApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["QualCoder:MaxRequestBodyBytes"] = "2000",
        ["QualCoder:MaxUploadBytes"] = "3000",
    };
}

public sealed class SourceToolSizeTests(SmallBodiesApp app) : IntegrationTest<SmallBodiesApp>(app)
{
    [Fact]
    public async Task a_file_up_to_the_upload_limit_crosses_mcp_as_base64_and_a_larger_one_is_too_large_before_decoding()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await using var agent = await AgentClient.ConnectAsync(App, ada);

        var exact = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', 3000)));
        (await agent.Call("import_file_source", new { project_id = projectId, file_name = "long.txt", content_base64 = exact })).ShouldSucceed();
        var over = Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('x', 3001)));
        (await agent.Call("import_file_source", new { project_id = projectId, file_name = "longer.txt", content_base64 = over })).ShouldFail("SOURCE_NOT_ADDED/TOO_LARGE");
        Assert.Single((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }
}
