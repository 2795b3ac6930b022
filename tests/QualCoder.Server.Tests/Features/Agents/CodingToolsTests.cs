using System.Net;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent codes passages, reads, annotates and removes codings, and finds what is uncoded, through the coding tools.</summary>
public sealed class CodingToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    private const string Text = "I felt 🎉 so relieved. The nurse said it was fine. I felt calm.";

    private sealed record Scene(ApiClient Ada, Guid ProjectId, Guid SourceId, Guid ReliefId, Guid CalmId, AgentClient Agent) : IAsyncDisposable
    {
        public string SegmentsOfSource => $"/api/projects/{ProjectId}/sources/{SourceId}/segments";

        public ValueTask DisposeAsync() => Agent.DisposeAsync();
    }

    private async Task<Scene> Arrange(string scope = "full")
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Interviews");
        var sourceId = await ada.AddSource(projectId, "Interview 1", Text);
        var relief = (await ada.Post($"/api/projects/{projectId}/codes", new { name = "Relief", color = "#336699" })).ShouldBe(HttpStatusCode.Created).Guid("id");
        var calm = (await ada.Post($"/api/projects/{projectId}/codes", new { name = "Calm", color = "#669933", memo = "Moments when someone feels fine" }))
            .ShouldBe(HttpStatusCode.Created).Guid("id");
        var agent = await AgentClient.ConnectAsync(App, ada, scope);
        (await agent.Call("open_project", new { project_id = projectId })).ShouldSucceed();
        return new Scene(ada, projectId, sourceId, relief, calm, agent);
    }

    [Fact]
    public async Task apply_code_codes_by_code_points_or_by_quote_and_the_event_records_the_agent()
    {
        await using var s = await Arrange();

        // "so relieved" starts after the emoji, which is one code point (two UTF-16 units).
        var byPosition = (await s.Agent.Call("apply_code", new { code_id = s.ReliefId, source_id = s.SourceId, start_position = 9, end_position = 20, importance = 2 }))
            .ShouldSucceed().Data;
        var byQuote = (await s.Agent.Call("apply_code", new { code_id = s.CalmId, source_id = s.SourceId, quote = "I felt", occurrence = 2, memo = " calm at last " }))
            .ShouldSucceed().Data;

        Assert.Equal(("so relieved", 9, 20), (byPosition.GetProperty("selected_text").GetString(), byPosition.GetProperty("start_position").GetInt32(), byPosition.GetProperty("end_position").GetInt32()));
        Assert.Equal(s.ReliefId, byPosition.GetProperty("code_id").GetGuid());
        Assert.Equal(s.SourceId, byPosition.GetProperty("source_id").GetGuid());
        Assert.Equal((50, 56), (byQuote.GetProperty("start_position").GetInt32(), byQuote.GetProperty("end_position").GetInt32()));
        var stored = (await s.Ada.Get(s.SegmentsOfSource)).ShouldBe(HttpStatusCode.OK).As<List<Segment>>();
        Assert.Equal(
            [(byPosition.GetProperty("segment_id").GetGuid(), 2, ""), (byQuote.GetProperty("segment_id").GetGuid(), 0, "calm at last")],
            stored.Select(x => (x.Id, x.Importance, x.Memo)));

        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var coded = (await session.Events.FetchStreamAsync(s.SourceId)).Select(e => e.Data).OfType<SegmentCoded>().First();
        Assert.Equal((s.Ada.AccountId, s.Agent.Client.SessionId, AgentClient.Name, AgentClient.Version),
            (coded.Actor.AccountId, coded.Actor.Agent?.SessionId, coded.Actor.Agent?.ClientName, coded.Actor.Agent?.ClientVersion));
    }

    [Fact]
    public async Task apply_code_refuses_what_http_refuses_with_a_next_step()
    {
        await using var s = await Arrange();

        (await s.Agent.Call("apply_code", new { source_id = s.SourceId, start_position = 0, end_position = 4 })).ShouldFail("SEGMENT_NOT_CODED/MISSING_PARAM");
        (await s.Agent.Call("apply_code", new { code_id = "relief", source_id = s.SourceId, start_position = 0, end_position = 4 })).ShouldFail("SEGMENT_NOT_CODED/INVALID_PARAM");
        (await s.Agent.Call("apply_code", new { code_id = s.ReliefId, source_id = Guid.NewGuid(), start_position = 0, end_position = 4 })).ShouldFail("SEGMENT_NOT_CODED/SOURCE_NOT_FOUND");
        (await s.Agent.Call("apply_code", new { code_id = s.ReliefId, source_id = s.SourceId, start_position = 0, end_position = 500 })).ShouldFail("SEGMENT_NOT_CODED/INVALID_POSITION");
        (await s.Agent.Call("apply_code", new { code_id = s.ReliefId, source_id = s.SourceId, quote = "I felt" })).ShouldFail("SEGMENT_NOT_CODED/QUOTE_AMBIGUOUS");
        (await s.Agent.Call("apply_code", new { code_id = s.ReliefId, source_id = s.SourceId, quote = "nurse", importance = 3 })).ShouldFail("SEGMENT_NOT_CODED/INVALID_IMPORTANCE");
        Assert.Empty((await s.Ada.Get(s.SegmentsOfSource)).ShouldBe(HttpStatusCode.OK).As<List<Segment>>());
    }

    [Fact]
    public async Task a_read_token_or_a_viewer_may_read_codings_but_not_change_them()
    {
        await using var s = await Arrange();
        var segmentId = (await s.Agent.Call("apply_code", new { code_id = s.ReliefId, source_id = s.SourceId, quote = "nurse" })).ShouldSucceed().Data.GetProperty("segment_id").GetGuid();
        await using var reader = await AgentClient.ConnectAsync(App, s.Ada, scope: "read");
        var bob = await SignedIn("Bob");
        await s.Ada.AddMember(s.ProjectId, bob, "viewer");
        await using var viewer = await AgentClient.ConnectAsync(App, bob);
        var onSource = new { project_id = s.ProjectId, source_id = s.SourceId };

        (await reader.Call("apply_code", new { project_id = s.ProjectId, code_id = s.ReliefId, source_id = s.SourceId, quote = "calm" })).ShouldFail("SEGMENT_NOT_CODED/PERMISSION_DENIED");
        (await reader.Call("batch_apply_codes", new { project_id = s.ProjectId, operations = new[] { new { code_id = s.ReliefId, source_id = s.SourceId, quote = "calm" } } }))
            .ShouldFail("BATCH_APPLY_CODES/PERMISSION_DENIED");
        (await reader.Call("delete_segment", new { project_id = s.ProjectId, segment_id = segmentId })).ShouldFail("DELETE_SEGMENT/PERMISSION_DENIED");
        (await reader.Call("update_segment_memo", new { project_id = s.ProjectId, segment_id = segmentId, memo = "x" })).ShouldFail("SEGMENT_MEMO_NOT_CHANGED/PERMISSION_DENIED");
        (await viewer.Call("apply_code", new { project_id = s.ProjectId, code_id = s.ReliefId, source_id = s.SourceId, quote = "calm" })).ShouldFail("SEGMENT_NOT_CODED/PERMISSION_DENIED");
        (await viewer.Call("delete_segment", new { project_id = s.ProjectId, segment_id = segmentId })).ShouldFail("SEGMENT_NOT_REMOVED/PERMISSION_DENIED");

        Assert.Equal(1, (await reader.Call("list_segments_for_source", onSource)).ShouldSucceed().Data.GetProperty("count").GetInt32());
        Assert.Equal(1, (await viewer.Call("list_segments_for_code", new { project_id = s.ProjectId, code_id = s.ReliefId })).ShouldSucceed().Data.GetProperty("count").GetInt32());
        (await reader.Call("analyze_uncoded_text", onSource)).ShouldSucceed();
        await using var stranger = await AgentClient.ConnectAsync(App, await SignedIn("Eve"));
        (await stranger.Call("list_segments_for_source", onSource)).ShouldFail("SEGMENTS_NOT_LISTED/NOT_FOUND");
    }

    [Fact]
    public async Task batch_apply_codes_reports_each_item_as_v2_does_and_lands_the_valid_ones()
    {
        await using var s = await Arrange();

        var data = (await s.Agent.Call("batch_apply_codes", new
        {
            operations = new object[]
            {
                new { code_id = s.ReliefId, source_id = s.SourceId, start_position = 9, end_position = 20, memo = "first" },
                new { code_id = s.ReliefId, source_id = s.SourceId, start_position = 12, end_position = 22 },
                new { code_id = s.CalmId, source_id = s.SourceId, quote = "calm", importance = 1 },
                new { code_id = s.CalmId, source_id = s.SourceId, start_position = 0, end_position = 999 },
            },
        })).ShouldSucceed().Data;

        Assert.Equal((4, 2, 2, false), (data.GetProperty("total").GetInt32(), data.GetProperty("succeeded").GetInt32(), data.GetProperty("failed").GetInt32(), data.GetProperty("all_succeeded").GetBoolean()));
        var results = data.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal([true, false, true, false], results.Select(r => r.GetProperty("success").GetBoolean()));
        Assert.Equal(
            [null, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", null, "SEGMENT_NOT_CODED/INVALID_POSITION"],
            results.Select(r => r.GetProperty("error_code").GetString()));
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("segment_id").ValueKind);
        Assert.False(string.IsNullOrEmpty(results[3].GetProperty("error").GetString()));
        var stored = (await s.Ada.Get(s.SegmentsOfSource)).ShouldBe(HttpStatusCode.OK).As<List<Segment>>();
        Assert.Equal([results[0].GetProperty("segment_id").GetGuid(), results[2].GetProperty("segment_id").GetGuid()], stored.Select(x => x.Id));

        (await s.Agent.Call("batch_apply_codes", new { operations = Array.Empty<object>() })).ShouldFail("BATCH_APPLY_CODES/EMPTY_BATCH");
        (await s.Agent.Call("batch_apply_codes")).ShouldFail("BATCH_APPLY_CODES/MISSING_PARAM");
        var malformed = (await s.Agent.Call("batch_apply_codes", new { operations = new[] { new { code_id = "x", source_id = s.SourceId.ToString() } } }))
            .ShouldFail("BATCH_APPLY_CODES/INVALID_PARAM");
        Assert.Contains("operations[0].code_id", malformed.Envelope.GetProperty("error").GetString());
    }

    [Fact]
    public async Task an_agent_lists_annotates_and_removes_codings()
    {
        await using var s = await Arrange();
        var segmentId = (await s.Agent.Call("apply_code", new { code_id = s.CalmId, source_id = s.SourceId, quote = "calm" })).ShouldSucceed().Data.GetProperty("segment_id").GetGuid();

        var memo = (await s.Agent.Call("update_segment_memo", new { segment_id = segmentId, memo = " at the end " })).ShouldSucceed().Data;
        Assert.Equal((segmentId, "at the end"), (memo.GetProperty("segment_id").GetGuid(), memo.GetProperty("memo").GetString()));

        var ofSource = (await s.Agent.Call("list_segments_for_source", new { source_id = s.SourceId })).ShouldSucceed().Data;
        var listed = Assert.Single(ofSource.GetProperty("segments").EnumerateArray());
        Assert.Equal(
            (segmentId, "Calm", s.Ada.AccountId, "calm", "at the end", 0),
            (listed.GetProperty("id").GetGuid(), listed.GetProperty("code_name").GetString(), listed.GetProperty("coder_id").GetGuid(),
                listed.GetProperty("selected_text").GetString(), listed.GetProperty("memo").GetString(), listed.GetProperty("importance").GetInt32()));
        Assert.False(listed.TryGetProperty("source_name", out _));
        Assert.Equal(0, (await s.Agent.Call("list_segments_for_source", new { source_id = s.SourceId, coder_id = Guid.NewGuid() })).ShouldSucceed().Data.GetProperty("count").GetInt32());

        var ofCode = (await s.Agent.Call("list_segments_for_code", new { code_id = s.CalmId })).ShouldSucceed().Data;
        Assert.Equal("Calm", ofCode.GetProperty("code_name").GetString());
        Assert.Equal("Interview 1", Assert.Single(ofCode.GetProperty("segments").EnumerateArray()).GetProperty("source_name").GetString());
        (await s.Agent.Call("list_segments_for_code", new { code_id = Guid.NewGuid() })).ShouldFail("SEGMENTS_NOT_LISTED/CODE_NOT_FOUND");

        var deleted = (await s.Agent.Call("delete_segment", new { segment_id = segmentId })).ShouldSucceed().Data;
        Assert.Equal((true, segmentId), (deleted.GetProperty("deleted").GetBoolean(), deleted.GetProperty("segment_id").GetGuid()));
        Assert.Empty((await s.Ada.Get(s.SegmentsOfSource)).ShouldBe(HttpStatusCode.OK).As<List<Segment>>());
        (await s.Agent.Call("delete_segment", new { segment_id = segmentId })).ShouldFail("SEGMENT_NOT_REMOVED/NOT_FOUND");
        (await s.Agent.Call("update_segment_memo", new { segment_id = segmentId, memo = "x" })).ShouldFail("SEGMENT_MEMO_NOT_CHANGED/NOT_FOUND");
        (await s.Agent.Call("delete_segment")).ShouldFail("DELETE_SEGMENT/MISSING_PARAM");
    }

    [Fact]
    public async Task uncoded_ranges_come_with_excerpts_and_the_codes_whose_words_occur_there()
    {
        await using var s = await Arrange();
        // Codes "The nurse said it was fine." (22..49): uncoded are 0..22 and 49..62.
        (await s.Agent.Call("apply_code", new { code_id = s.ReliefId, source_id = s.SourceId, quote = "The nurse said it was fine." })).ShouldSucceed();

        var uncoded = (await s.Agent.Call("analyze_uncoded_text", new { source_id = s.SourceId })).ShouldSucceed().Data;
        Assert.Equal((62, 27, 1), (uncoded.GetProperty("total_length").GetInt32(), uncoded.GetProperty("coded_length").GetInt32(), uncoded.GetProperty("segment_count").GetInt32()));
        Assert.Equal(56.45, uncoded.GetProperty("uncoded_percentage").GetDouble());
        var ranges = uncoded.GetProperty("ranges").EnumerateArray().ToList();
        Assert.Equal([(0, 22, 22, "I felt 🎉 so relieved. "), (49, 62, 13, " I felt calm.")], ranges.Select(r =>
            (r.GetProperty("start_pos").GetInt32(), r.GetProperty("end_pos").GetInt32(), r.GetProperty("length").GetInt32(), r.GetProperty("excerpt").GetString())));
        Assert.False(ranges[0].TryGetProperty("suggestions", out _));

        var content = (await s.Agent.Call("analyze_content_for_codes", new { source_id = s.SourceId })).ShouldSucceed().Data;
        var suggested = content.GetProperty("ranges").EnumerateArray().Select(r => r.GetProperty("suggestions").EnumerateArray().ToList()).ToList();
        Assert.Empty(suggested[0]);
        var calm = Assert.Single(suggested[1]);
        Assert.Equal((s.CalmId, "Calm", 80), (calm.GetProperty("code_id").GetGuid(), calm.GetProperty("code_name").GetString(), calm.GetProperty("confidence").GetInt32()));
        Assert.Contains("calm", calm.GetProperty("rationale").GetString());
        (await s.Agent.Call("analyze_content_for_codes", new { source_id = Guid.NewGuid() })).ShouldFail("ANALYZE_CONTENT/SOURCE_NOT_FOUND");
        (await s.Agent.Call("analyze_uncoded_text", new { source_id = "nope" })).ShouldFail("ANALYZE_UNCODED/INVALID_PARAM");
    }

    [Fact]
    public async Task the_coding_tools_are_listed_with_honest_hints_and_a_described_operation_shape()
    {
        await using var agent = await AgentClient.ConnectAsync(App, await SignedIn("Ada"));

        var tools = (await agent.Client.ListToolsAsync()).ToDictionary(t => t.Name, t => t.ProtocolTool);

        Assert.All(["list_segments_for_source", "list_segments_for_code", "analyze_uncoded_text", "analyze_content_for_codes"], name =>
            Assert.True(tools[name].Annotations!.ReadOnlyHint));
        Assert.All(["apply_code", "batch_apply_codes", "delete_segment", "update_segment_memo"], name =>
            Assert.False(tools[name].Annotations!.ReadOnlyHint));
        Assert.True(tools["delete_segment"].Annotations!.DestructiveHint);
        Assert.False(tools["apply_code"].Annotations!.DestructiveHint);
        var operation = tools["batch_apply_codes"].InputSchema.GetProperty("properties").GetProperty("operations").GetProperty("items").GetProperty("properties");
        Assert.All(["code_id", "source_id", "start_position", "end_position", "quote", "occurrence", "memo", "importance"], name =>
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty(name).GetProperty("description").GetString())));
    }
}
