using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Tests.Features.Codebook;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent reads and changes a codebook through the codebook tools, with the same rules and events as the HTTP API.</summary>
public sealed class CodebookToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task an_agent_builds_a_codebook_and_every_change_answers_the_values_before_and_after()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        (await agent.Call("open_project", new { project_id = projectId })).ShouldSucceed();

        var feelings = (await agent.Call("create_category", new { name = "Feelings", memo = "How people feel." })).ShouldSucceed().Data.GetProperty("category_id").GetGuid();
        var created = (await agent.Call("create_category", new { name = " Dark ", parent_id = feelings })).ShouldSucceed().Data;
        var dark = created.GetProperty("category_id").GetGuid();
        Assert.Equal(("Dark", feelings), (created.GetProperty("name").GetString(), created.GetProperty("parent_id").GetGuid()));
        var code = (await agent.Call("create_code", new { name = "Fear", color = "#ABC", memo = "Being afraid.", category_id = dark })).ShouldSucceed().Data;
        var fear = code.GetProperty("code_id").GetGuid();
        Assert.Equal(("Fear", "#aabbcc", "Being afraid.", dark), (code.GetProperty("name").GetString(), code.GetProperty("color").GetString(), code.GetProperty("memo").GetString(), code.GetProperty("category_id").GetGuid()));

        var read = (await agent.Call("get_code", new { code_id = fear })).ShouldSucceed().Data;
        Assert.Equal(("Dark", ada.AccountId, 0), (read.GetProperty("category_name").GetString(), read.GetProperty("owner").GetGuid(), read.GetProperty("segment_count").GetInt32()));
        Assert.Equal(
            new { code_id = fear, old_name = "Fear", new_name = "Anxiety" },
            Shape((await agent.Call("rename_code", new { code_id = fear, new_name = "Anxiety" })).ShouldSucceed().Data, new { code_id = fear, old_name = "", new_name = "" }));
        Assert.Equal(
            new { code_id = fear, old_color = "#aabbcc", new_color = "#e6194b" },
            Shape((await agent.Call("change_code_color", new { code_id = fear, color = "#E6194B" })).ShouldSucceed().Data, new { code_id = fear, old_color = "", new_color = "" }));
        Assert.Equal(
            new { code_id = fear, old_memo = "Being afraid.", new_memo = "" },
            Shape((await agent.Call("update_code_memo", new { code_id = fear })).ShouldSucceed().Data, new { code_id = fear, old_memo = "", new_memo = "" }));
        var moved = (await agent.Call("move_code_to_category", new { code_id = fear, category_id = feelings })).ShouldSucceed().Data;
        Assert.Equal((dark, feelings), (moved.GetProperty("old_category_id").GetGuid(), moved.GetProperty("new_category_id").GetGuid()));
        var renamed = (await agent.Call("rename_category", new { category_id = dark, new_name = "Gloom" })).ShouldSucceed().Data;
        Assert.Equal(("Dark", "Gloom"), (renamed.GetProperty("old_name").GetString(), renamed.GetProperty("new_name").GetString()));

        var categories = (await agent.Call("list_categories")).ShouldSucceed().Data;
        Assert.Equal(2, categories.GetProperty("count").GetInt32());
        Assert.Equal(
            new (string?, Guid?, int)[] { ("Feelings", null, 1), ("Gloom", feelings, 0) },
            categories.GetProperty("categories").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), Optional(c.GetProperty("parent_id")), c.GetProperty("code_count").GetInt32())));
        var deleted = (await agent.Call("delete_category", new { category_id = feelings })).ShouldSucceed().Data;
        Assert.Equal((1, 1, true), (deleted.GetProperty("codes_moved").GetInt32(), deleted.GetProperty("categories_moved").GetInt32(), deleted.GetProperty("deleted").GetBoolean()));
        var uncategorised = (await agent.Call("move_code_to_category", new { code_id = fear })).ShouldSucceed().Data;
        Assert.Equal(JsonValueKind.Null, uncategorised.GetProperty("old_category_id").ValueKind);

        var codebook = (await ada.Get($"/api/projects/{projectId}/codebook")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Gloom", codebook["categories"][0]!["name"]!.GetValue<string>());
        var listed = Assert.Single(codebook["codes"].AsArray())!;
        Assert.Equal(("Anxiety", "#e6194b", ""), (listed["name"]!.GetValue<string>(), listed["color"]!.GetValue<string>(), listed["memo"]!.GetValue<string>()));

        // Every change records the person and the agent session that made it.
        var renaming = Assert.Single((await CodebookEvents(projectId)).OfType<CodeRenamed>());
        Assert.Equal(new Actor(ada.AccountId, new AgentSession(agent.Client.SessionId!, AgentClient.Name, AgentClient.Version)), renaming.Actor);
    }

    [Fact]
    public async Task codes_with_codings_are_counted_found_as_duplicates_merged_and_deleted_with_their_codings()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var projectId = await ada.CreateProject("Interviews");
        await ada.AddMember(projectId, bob, "coder");
        var seed = new Seed(App, projectId, ada.AccountId);
        var (tired, tiredAtWork, hope) = (await seed.Code("Tiredness"), await seed.Code("Work tiredness"), await seed.Code("Hope"));
        var codings = new CodingsInStore(App);
        var sourceId = await codings.AddSource(projectId, ada, "I was so tired after the night shift, but hopeful.");
        await codings.Code(projectId, sourceId, tiredAtWork, ada, 0, 13);
        await codings.Code(projectId, sourceId, tiredAtWork, bob, 14, 35);
        await codings.Code(projectId, sourceId, hope, bob, 41, 48);
        await using var agent = await AgentClient.ConnectAsync(App, ada);

        var codes = (await agent.Call("list_codes", new { project_id = projectId })).ShouldSucceed().Data;
        Assert.Equal(3, codes.GetProperty("count").GetInt32());
        var counted = codes.GetProperty("codes").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == tiredAtWork);
        Assert.Equal(2, counted.GetProperty("segment_count").GetInt32());
        Assert.Equal([1, 1], counted.GetProperty("segments_by_coder").EnumerateArray().Select(c => c.GetProperty("count").GetInt32()));

        var duplicates = (await agent.Call("detect_duplicate_codes", new { project_id = projectId, threshold = 0.5 })).ShouldSucceed().Data;
        Assert.Equal(3, duplicates.GetProperty("codes_analyzed").GetInt32());
        var candidate = Assert.Single(duplicates.GetProperty("candidates").EnumerateArray());
        Assert.Equal(
            (tired, tiredAtWork, 0.5, 0, 2),
            (candidate.GetProperty("code_a_id").GetGuid(), candidate.GetProperty("code_b_id").GetGuid(), candidate.GetProperty("similarity").GetDouble(),
                candidate.GetProperty("code_a_segments").GetInt32(), candidate.GetProperty("code_b_segments").GetInt32()));
        Assert.Contains("\"tiredness\"", candidate.GetProperty("rationale").GetString());
        Assert.Empty((await agent.Call("detect_duplicate_codes", new { project_id = projectId })).ShouldSucceed().Data.GetProperty("candidates").EnumerateArray());

        var refused = (await agent.Call("delete_code", new { project_id = projectId, code_id = tiredAtWork })).ShouldFail("CODE_NOT_DELETED/HAS_REFERENCES");
        Assert.Contains("delete_segments=true", refused.Envelope.GetProperty("suggestions")[0].GetString());

        var merged = (await agent.Call("merge_codes", new { project_id = projectId, source_code_id = tiredAtWork, target_code_id = tired })).ShouldSucceed().Data;
        Assert.Equal(
            ("Work tiredness", "Tiredness", 2, 2),
            (merged.GetProperty("source_code_name").GetString(), merged.GetProperty("target_code_name").GetString(), merged.GetProperty("segments_moved").GetInt32(), merged.GetProperty("target_segment_count").GetInt32()));
        var removed = (await agent.Call("delete_code", new { project_id = projectId, code_id = tired, delete_segments = true })).ShouldSucceed().Data;
        Assert.Equal(("Tiredness", 2, true), (removed.GetProperty("name").GetString(), removed.GetProperty("segments_removed").GetInt32(), removed.GetProperty("deleted").GetBoolean()));

        var left = Assert.Single(await codings.Segments(projectId));
        Assert.Equal(hope, left.CodeId);
        (await ada.Get($"/api/projects/{projectId}/codes/{tired}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task refusals_keep_the_commands_codes_and_name_the_bad_argument()
    {
        var ada = await SignedIn("Ada");
        var cy = await SignedIn("Cy");
        var projectId = await ada.CreateProject("Interviews");
        await ada.AddMember(projectId, cy, "viewer");
        var hope = await new Seed(App, projectId, ada.AccountId).Code("Hope");
        await using var reader = await AgentClient.ConnectAsync(App, ada, scope: "read");
        await using var viewer = await AgentClient.ConnectAsync(App, cy);
        await using var agent = await AgentClient.ConnectAsync(App, ada);
        (await agent.Call("open_project", new { project_id = projectId })).ShouldSucceed();

        (await reader.Call("create_code", new { project_id = projectId, name = "Fear", color = "#336699" })).ShouldFail("CODE_NOT_CREATED/PERMISSION_DENIED");
        Assert.Equal(1, (await reader.Call("list_codes", new { project_id = projectId })).ShouldSucceed().Data.GetProperty("count").GetInt32());
        (await viewer.Call("rename_code", new { project_id = projectId, code_id = hope, new_name = "Hopes" })).ShouldFail("CODE_NOT_RENAMED/PERMISSION_DENIED");
        (await viewer.Call("list_codes")).ShouldFail("CODES_NOT_LISTED/NO_CONTEXT");

        (await agent.Call("create_code", new { name = "hope", color = "#336699" })).ShouldFail("CODE_NOT_CREATED/DUPLICATE_NAME");
        (await agent.Call("create_code", new { name = "Fear", color = "red" })).ShouldFail("CODE_NOT_CREATED/INVALID_COLOR");
        var missing = (await agent.Call("create_code", new { name = "Fear" })).ShouldFail("CODE_NOT_CREATED/MISSING_PARAM");
        Assert.Contains("color", missing.Envelope.GetProperty("error").GetString());
        var malformed = (await agent.Call("rename_code", new { code_id = "hope", new_name = "Hopes" })).ShouldFail("CODE_NOT_RENAMED/INVALID_PARAM");
        Assert.Contains("code_id", malformed.Envelope.GetProperty("error").GetString());
        (await agent.Call("rename_code", new { code_id = Guid.NewGuid(), new_name = "Hopes" })).ShouldFail("CODE_NOT_RENAMED/NOT_FOUND");
        (await agent.Call("get_code", new { code_id = Guid.NewGuid() })).ShouldFail("CODE_NOT_FOUND/NOT_FOUND");
        (await agent.Call("merge_codes", new { source_code_id = hope, target_code_id = hope })).ShouldFail("CODES_NOT_MERGED/SAME_CODE");
        (await agent.Call("move_code_to_category", new { code_id = hope, category_id = Guid.NewGuid() })).ShouldFail("CODE_NOT_MOVED/CATEGORY_NOT_FOUND");
        (await agent.Call("delete_category", new { category_id = Guid.NewGuid() })).ShouldFail("CATEGORY_NOT_DELETED/NOT_FOUND");
        (await agent.Call("detect_duplicate_codes", new { threshold = 1.5 })).ShouldFail("DETECT_DUPLICATES/INVALID_PARAM");
        (await agent.Call("get_code", new { project_id = Guid.NewGuid(), code_id = hope })).ShouldFail("CODE_NOT_FOUND/NOT_FOUND");

        var codebook = (await ada.Get($"/api/projects/{projectId}/codes")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Hope", Assert.Single(codebook.Json!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_tools_say_which_of_them_only_read_and_which_delete()
    {
        await using var agent = await AgentClient.ConnectAsync(App, await SignedIn("Ada"));

        var hints = (await agent.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool.Annotations!);

        Assert.All(["list_codes", "get_code", "list_categories", "detect_duplicate_codes"], name => Assert.True(hints[name].ReadOnlyHint));
        Assert.All(["merge_codes", "delete_code", "delete_category"], name => Assert.True(hints[name].DestructiveHint));
        Assert.All(["create_code", "rename_code", "change_code_color", "update_code_memo", "move_code_to_category", "create_category", "rename_category"],
            name => Assert.Equal((false, false), (hints[name].ReadOnlyHint, hints[name].DestructiveHint)));
    }

    private async Task<IReadOnlyList<object>> CodebookEvents(Guid projectId)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. (await session.Events.FetchStreamAsync(ProjectStreams.CodebookOf(projectId))).Select(e => e.Data)];
    }

    /// <summary>Reads a tool's data into the shape of <paramref name="example"/>, for one comparison of all its fields.</summary>
    private static T Shape<T>(JsonElement data, T example) => data.Deserialize<T>(JsonSerializerOptions.Web) ?? example;

    private static Guid? Optional(JsonElement id) => id.ValueKind == JsonValueKind.Null ? null : id.GetGuid();
}
