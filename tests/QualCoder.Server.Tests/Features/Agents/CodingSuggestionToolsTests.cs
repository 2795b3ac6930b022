using System.Net;
using System.Text.Json;
using QualCoder.Server.Tests.Features.Coding;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent suggests codings, one or a batch; a person's full-scope agent approves or rejects them, and the codings are the person's.</summary>
public sealed class CodingSuggestionToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    // CodingScenario.Text: "I felt 🎉 so relieved. The nurse said e\u0301cole was fine. I felt calm." ("so relieved" is [9, 20)).

    [Fact]
    public async Task a_suggested_coding_found_by_quote_is_approved_as_the_reviewer_and_a_rejected_one_keeps_its_reason()
    {
        var p = await CodingScenario.Arrange(this);
        await using var suggester = await AgentClient.ConnectAsync(App, p.Coder, scope: "suggest");
        await using var reviewer = await AgentClient.ConnectAsync(App, p.Owner);

        var suggested = (await suggester.Call("suggest_code_application", new
        {
            project_id = p.ProjectId, source_id = p.SourceId, code_id = p.CodeId, quote = "so relieved", rationale = "Relief, said plainly.", include_text = true,
        })).ShouldSucceed().Data;
        var id = suggested.GetProperty("suggestion_id").GetGuid();
        Assert.Equal(("pending_approval", 9, 20, "so relieved", 70), (
            suggested.GetProperty("status").GetString(), suggested.GetProperty("start_pos").GetInt32(), suggested.GetProperty("end_pos").GetInt32(),
            suggested.GetProperty("text").GetString(), suggested.GetProperty("confidence").GetInt32()));
        var other = (await suggester.Call("suggest_code_application", new { project_id = p.ProjectId, source_id = p.SourceId, code_id = p.CodeId, start_pos = 54, end_pos = 65 }))
            .ShouldSucceed().Data;
        Assert.Equal(JsonValueKind.Null, other.GetProperty("text").ValueKind);

        var listed = (await reviewer.Call("list_pending_coding_suggestions", new { project_id = p.ProjectId, source_id = p.SourceId })).ShouldSucceed().Data;
        Assert.Equal(2, listed.GetProperty("count").GetInt32());
        var first = listed.GetProperty("suggestions")[0];
        Assert.Equal((id, p.SourceId, p.CodeId, 9, 20, "Relief, said plainly.", "pending"), (
            first.GetProperty("suggestion_id").GetGuid(), first.GetProperty("source_id").GetGuid(), first.GetProperty("code_id").GetGuid(),
            first.GetProperty("start_pos").GetInt32(), first.GetProperty("end_pos").GetInt32(), first.GetProperty("rationale").GetString(), first.GetProperty("status").GetString()));
        Assert.Equal(AgentClient.Name, first.GetProperty("suggested_by").GetProperty("agent").GetProperty("client_name").GetString());

        (await suggester.Call("approve_coding_suggestion", new { project_id = p.ProjectId, suggestion_id = id })).ShouldFail("SUGGESTION_NOT_APPROVED/PERMISSION_DENIED");
        var approved = (await reviewer.Call("approve_coding_suggestion", new { project_id = p.ProjectId, suggestion_id = id })).ShouldSucceed().Data;
        var rejected = (await reviewer.Call("reject_coding_suggestion", new
        {
            project_id = p.ProjectId, suggestion_id = other.GetProperty("suggestion_id").GetGuid(), reason = "Calm is not relief", feedback = "Mind the word",
        })).ShouldSucceed().Data;

        Assert.Equal("applied", approved.GetProperty("status").GetString());
        var segment = Assert.Single((await p.Owner.Get($"/api/projects/{p.ProjectId}/sources/{p.SourceId}/segments")).Json!.AsArray())!;
        Assert.Equal((approved.GetProperty("segment_id").GetGuid(), p.Owner.AccountId, "so relieved"), (
            segment["id"]!.GetValue<Guid>(), segment["coderId"]!.GetValue<Guid>(), segment["quote"]!.GetValue<string>()));
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        var stored = (await p.Owner.Get($"/api/projects/{p.ProjectId}/suggestions/{other.GetProperty("suggestion_id").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Calm is not relief", "Mind the word"), (stored.String("rejectionReason"), stored.String("feedback")));
        Assert.Equal(0, (await reviewer.Call("list_pending_coding_suggestions", new { project_id = p.ProjectId })).ShouldSucceed().Data.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task a_coding_suggestion_is_refused_with_the_reason_and_a_read_token_cannot_suggest()
    {
        var p = await CodingScenario.Arrange(this);
        await using var agent = await AgentClient.ConnectAsync(App, p.Owner);
        await using var reader = await AgentClient.ConnectAsync(App, p.Owner, scope: "read");
        await using var viewersAgent = await AgentClient.ConnectAsync(App, p.Viewer);
        (await agent.Call("open_project", new { project_id = p.ProjectId })).ShouldSucceed();

        (await agent.Call("suggest_code_application", new { source_id = p.SourceId, code_id = p.CodeId, start_pos = 60, end_pos = 600 })).ShouldFail("CODING_NOT_SUGGESTED/INVALID_POSITION");
        (await agent.Call("suggest_code_application", new { source_id = p.SourceId, code_id = p.CodeId, quote = "I felt" })).ShouldFail("CODING_NOT_SUGGESTED/QUOTE_AMBIGUOUS");
        (await agent.Call("suggest_code_application", new { source_id = "x", code_id = p.CodeId, start_pos = 0, end_pos = 1 })).ShouldFail("CODING_NOT_SUGGESTED/INVALID_PARAM");
        (await agent.Call("suggest_code_application", new { source_id = p.SourceId, code_id = Guid.NewGuid(), start_pos = 0, end_pos = 1 })).ShouldFail("CODING_NOT_SUGGESTED/CODE_NOT_FOUND");
        (await reader.Call("suggest_code_application", new { project_id = p.ProjectId, source_id = p.SourceId, code_id = p.CodeId, start_pos = 0, end_pos = 1 }))
            .ShouldFail("CODING_NOT_SUGGESTED/PERMISSION_DENIED");
        (await reader.Call("suggest_batch_coding", new { project_id = p.ProjectId, code_id = p.CodeId, segments = new[] { new { source_id = p.SourceId, start_pos = 0, end_pos = 1 } }, rationale = "R" }))
            .ShouldFail("CODING_NOT_SUGGESTED/PERMISSION_DENIED");
        (await viewersAgent.Call("suggest_code_application", new { project_id = p.ProjectId, source_id = p.SourceId, code_id = p.CodeId, start_pos = 0, end_pos = 1 }))
            .ShouldFail("CODING_NOT_SUGGESTED/PERMISSION_DENIED");
        (await reader.Call("get_suggestion_batch_status", new { project_id = p.ProjectId, batch_id = Guid.NewGuid() })).ShouldFail("SUGGESTIONS/NOT_FOUND");
        (await agent.Call("approve_coding_suggestion", new { suggestion_id = Guid.NewGuid() })).ShouldFail("SUGGESTION_NOT_APPROVED/NOT_FOUND");
        Assert.Equal(0, (await reader.Call("list_pending_coding_suggestions", new { project_id = p.ProjectId, status = "all" })).ShouldSucceed().Data.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task a_batch_is_reviewed_in_parts_and_its_status_counts_what_is_left()
    {
        var p = await CodingScenario.Arrange(this);
        await using var suggester = await AgentClient.ConnectAsync(App, p.Coder, scope: "suggest");
        await using var reviewer = await AgentClient.ConnectAsync(App, p.Owner);
        object Span(int start, int end) => new { source_id = p.SourceId, start_pos = start, end_pos = end };

        var batch = (await suggester.Call("suggest_batch_coding", new { project_id = p.ProjectId, code_id = p.CodeId, segments = new[] { Span(0, 6), Span(9, 20), Span(54, 65) }, rationale = "Feelings." }))
            .ShouldSucceed().Data;
        var batchId = batch.GetProperty("batch_id").GetGuid();
        Assert.Equal(3, batch.GetProperty("total_count").GetInt32());
        (await suggester.Call("suggest_batch_coding", new { project_id = p.ProjectId, code_id = p.CodeId, segments = new[] { Span(0, 6), Span(9, 200) }, rationale = "Feelings." }))
            .ShouldFail("CODING_NOT_SUGGESTED/INVALID_POSITION");

        var fresh = (await suggester.Call("get_suggestion_batch_status", new { project_id = p.ProjectId, batch_id = batchId })).ShouldSucceed().Data;
        Assert.Equal(("pending", 3, 3, 0), Counts(fresh));
        var last = batch.GetProperty("suggestion_ids")[2].GetGuid();
        (await reviewer.Call("reject_coding_suggestion", new { project_id = p.ProjectId, suggestion_id = last, reason = "Calm" })).ShouldSucceed();
        Assert.Equal(("partial", 3, 2, 1), Counts((await suggester.Call("get_suggestion_batch_status", new { project_id = p.ProjectId, batch_id = batchId })).ShouldSucceed().Data));

        (await suggester.Call("approve_batch_coding", new { project_id = p.ProjectId, batch_id = batchId })).ShouldFail("SUGGESTIONS_NOT_APPROVED/PERMISSION_DENIED");
        var approved = (await reviewer.Call("approve_batch_coding", new { project_id = p.ProjectId, batch_id = batchId })).ShouldSucceed().Data;

        Assert.Equal(("applied", 2, 0), (approved.GetProperty("status").GetString(), approved.GetProperty("applied_count").GetInt32(), approved.GetProperty("failed_count").GetInt32()));
        Assert.Empty(approved.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, (await p.Owner.Get($"/api/projects/{p.ProjectId}/sources/{p.SourceId}/segments")).Json!.AsArray().Count);
        Assert.Equal(("completed", 3, 0, 3), Counts((await suggester.Call("get_suggestion_batch_status", new { project_id = p.ProjectId, batch_id = batchId })).ShouldSucceed().Data));
        (await reviewer.Call("approve_batch_coding", new { project_id = p.ProjectId, batch_id = batchId })).ShouldFail("SUGGESTIONS_NOT_APPROVED/ALREADY_REVIEWED");
    }

    [Fact]
    public async Task respond_to_code_suggestion_accepts_the_selected_codes_or_rejects_the_rest_with_a_reason()
    {
        var p = await CodingScenario.Arrange(this);
        await using var agent = await AgentClient.ConnectAsync(App, p.Owner);
        (await agent.Call("open_project", new { project_id = p.ProjectId })).ShouldSucceed();
        object Span(int start, int end) => new { source_id = p.SourceId, start_pos = start, end_pos = end };
        var batchId = (await agent.Call("suggest_batch_coding", new { code_id = p.CodeId, segments = new[] { Span(0, 6), Span(9, 20) }, rationale = "Feelings." }))
            .ShouldSucceed().Data.GetProperty("batch_id").GetGuid();
        var rejectedId = (await agent.Call("suggest_batch_coding", new { code_id = p.CodeId, segments = new[] { Span(54, 65) }, rationale = "Feelings." }))
            .ShouldSucceed().Data.GetProperty("batch_id").GetGuid();

        (await agent.Call("respond_to_code_suggestion", new { suggestion_batch_id = batchId, response = "maybe" })).ShouldFail("SUGGESTIONS_NOT_REJECTED/INVALID_PARAM");
        (await agent.Call("respond_to_code_suggestion", new { suggestion_batch_id = batchId, response = "accept", selected_code_ids = new[] { Guid.NewGuid() } }))
            .ShouldFail("SUGGESTIONS_NOT_APPROVED/NOTHING_SELECTED");
        var accepted = (await agent.Call("respond_to_code_suggestion", new { suggestion_batch_id = batchId, response = "accept", selected_code_ids = new[] { p.CodeId } }))
            .ShouldSucceed().Data;
        var rejected = (await agent.Call("respond_to_code_suggestion", new { suggestion_batch_id = rejectedId, response = "reject", reason = "Not relief" })).ShouldSucceed().Data;

        Assert.Equal(("accepted", 2, 0), (accepted.GetProperty("status").GetString(), accepted.GetProperty("applied_count").GetInt32(), accepted.GetProperty("failed_count").GetInt32()));
        Assert.Equal(("rejected", 1), (rejected.GetProperty("status").GetString(), rejected.GetProperty("rejected_count").GetInt32()));
        var left = (await agent.Call("list_pending_coding_suggestions", new { batch_id = rejectedId, status = "rejected" })).ShouldSucceed().Data;
        Assert.Equal("Not relief", left.GetProperty("suggestions")[0].GetProperty("rejection_reason").GetString());
    }

    private static (string?, int, int, int) Counts(JsonElement status) => (
        status.GetProperty("status").GetString(), status.GetProperty("total_count").GetInt32(), status.GetProperty("pending_count").GetInt32(),
        status.GetProperty("reviewed_count").GetInt32());
}
