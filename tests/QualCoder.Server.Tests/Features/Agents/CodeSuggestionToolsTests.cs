using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Features.Suggestions;
using QualCoder.Server.Tests.Features.Coding;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent suggests codes and merges; a person's full-scope agent reviews them, and the changes are the person's.</summary>
public sealed class CodeSuggestionToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_suggested_code_waits_for_review_records_the_agent_and_becomes_the_approvers_code()
    {
        var p = await CodingScenario.Arrange(this);
        await using var suggester = await AgentClient.ConnectAsync(App, p.Coder, scope: "suggest");
        await using var reviewer = await AgentClient.ConnectAsync(App, p.Owner);

        var suggested = (await suggester.Call("suggest_new_code", new
        {
            project_id = p.ProjectId, name = " Calm ", rationale = "Several turns end settled.", description = "When they settle.", sample_contexts = new[] { "I felt calm." },
        })).ShouldSucceed().Data;
        var id = suggested.GetProperty("suggestion_id").GetGuid();
        Assert.Equal(("pending_approval", "Calm", "#808080", 70), (
            suggested.GetProperty("status").GetString(), suggested.GetProperty("name").GetString(), suggested.GetProperty("color").GetString(),
            suggested.GetProperty("confidence").GetInt32()));

        await using (var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var actor = ((CodeSuggested)Assert.Single(await session.Events.FetchStreamAsync(id)).Data).Actor;
            Assert.Equal((p.Coder.AccountId, suggester.Client.SessionId, AgentClient.Name, AgentClient.Version), (
                actor.AccountId, actor.Agent!.SessionId, actor.Agent.ClientName, actor.Agent.ClientVersion));
        }

        var listed = (await reviewer.Call("list_pending_suggestions", new { project_id = p.ProjectId })).ShouldSucceed().Data;
        Assert.Equal(1, listed.GetProperty("count").GetInt32());
        var shown = listed.GetProperty("suggestions")[0];
        Assert.Equal((id, "pending", "I felt calm."), (
            shown.GetProperty("suggestion_id").GetGuid(), shown.GetProperty("status").GetString(), shown.GetProperty("sample_contexts")[0].GetString()));

        (await suggester.Call("approve_suggestion", new { project_id = p.ProjectId, suggestion_id = id })).ShouldFail("SUGGESTION_NOT_APPROVED/PERMISSION_DENIED");
        var approved = (await reviewer.Call("approve_suggestion", new { project_id = p.ProjectId, suggestion_id = id })).ShouldSucceed().Data;

        Assert.Equal("created", approved.GetProperty("status").GetString());
        var code = (await p.Owner.Get($"/api/projects/{p.ProjectId}/codes/{approved.GetProperty("code_id").GetGuid()}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Calm", "When they settle.", p.Owner.AccountId), (code.String("name"), code.String("memo"), code.Guid("createdBy")));
        Assert.Equal(0, (await reviewer.Call("list_pending_suggestions", new { project_id = p.ProjectId })).ShouldSucceed().Data.GetProperty("count").GetInt32());
        (await reviewer.Call("approve_suggestion", new { project_id = p.ProjectId, suggestion_id = id })).ShouldFail("SUGGESTION_NOT_APPROVED/ALREADY_APPROVED");
    }

    [Fact]
    public async Task a_rejected_code_keeps_its_reason_and_refusals_name_what_to_fix()
    {
        var p = await CodingScenario.Arrange(this);
        await using var agent = await AgentClient.ConnectAsync(App, p.Owner);
        await using var reader = await AgentClient.ConnectAsync(App, p.Owner, scope: "read");
        (await agent.Call("open_project", new { project_id = p.ProjectId })).ShouldSucceed();
        var id = (await agent.Call("suggest_new_code", new { name = "Doubt", rationale = "Hedging words.", confidence = 40 })).ShouldSucceed().Data.GetProperty("suggestion_id").GetGuid();

        var rejected = (await agent.Call("reject_suggestion", new { suggestion_id = id, reason = "Too vague", feedback = "Quote the hedges" })).ShouldSucceed().Data;

        Assert.Equal(("rejected", "Too vague"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("reason").GetString()));
        var stored = (await p.Owner.Get($"/api/projects/{p.ProjectId}/suggestions/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("rejected", "Too vague", "Quote the hedges"), (stored.String("status"), stored.String("rejectionReason"), stored.String("feedback")));
        var history = (await reader.Call("list_pending_suggestions", new { project_id = p.ProjectId, status = "rejected" })).ShouldSucceed().Data;
        Assert.Equal("Too vague", history.GetProperty("suggestions")[0].GetProperty("rejection_reason").GetString());

        (await agent.Call("suggest_new_code", new { name = "relief", rationale = "Again." })).ShouldFail("CODE_NOT_SUGGESTED/DUPLICATE_NAME");
        (await agent.Call("suggest_new_code", new { name = "Calm", rationale = "  " })).ShouldFail("CODE_NOT_SUGGESTED/MISSING_PARAM");
        (await agent.Call("suggest_new_code", new { name = "Calm" })).ShouldFail("SUGGEST_NEW_CODE/MISSING_PARAM");
        (await agent.Call("suggest_new_code", new { name = "Calm", rationale = "Why not.", confidence = 101 })).ShouldFail("CODE_NOT_SUGGESTED/INVALID_CONFIDENCE");
        (await reader.Call("suggest_new_code", new { project_id = p.ProjectId, name = "Calm", rationale = "Why not." })).ShouldFail("CODE_NOT_SUGGESTED/PERMISSION_DENIED");
        (await agent.Call("approve_suggestion", new { suggestion_id = Guid.NewGuid() })).ShouldFail("SUGGESTION_NOT_APPROVED/NOT_FOUND");
        (await agent.Call("approve_suggestion", new { suggestion_id = "nine" })).ShouldFail("SUGGESTION_NOT_APPROVED/INVALID_PARAM");
        (await agent.Call("list_pending_suggestions", new { kind = "coding" })).ShouldFail("SUGGESTIONS/INVALID_PARAM");
        (await reader.Call("list_pending_suggestions")).ShouldFail("SUGGESTIONS/NO_CONTEXT");
    }

    [Fact]
    public async Task a_suggested_merge_is_approved_by_its_own_tool_or_dismissed_with_a_reason()
    {
        var p = await CodingScenario.Arrange(this);
        var ease = await p.Seed.Code("Ease");
        var calm = await p.Seed.Code("Calm");
        (await p.Coder.Post(p.Segments, p.At(0, 6, ease))).ShouldBe(HttpStatusCode.Created);
        await using var suggester = await AgentClient.ConnectAsync(App, p.Coder, scope: "suggest");
        await using var reviewer = await AgentClient.ConnectAsync(App, p.Owner);

        var merge = (await suggester.Call("suggest_merge_codes", new { project_id = p.ProjectId, source_code_id = ease, target_code_id = p.CodeId, rationale = "Same feeling." }))
            .ShouldSucceed().Data;
        var mergeId = merge.GetProperty("merge_suggestion_id").GetGuid();
        Assert.Equal(("pending_approval", "Ease", "Relief"), (
            merge.GetProperty("status").GetString(), merge.GetProperty("merge_source_name").GetString(), merge.GetProperty("merge_target_name").GetString()));
        var other = (await suggester.Call("suggest_merge_codes", new { project_id = p.ProjectId, source_code_id = calm, target_code_id = p.CodeId, rationale = "Close." }))
            .ShouldSucceed().Data.GetProperty("merge_suggestion_id").GetGuid();
        (await suggester.Call("suggest_merge_codes", new { project_id = p.ProjectId, source_code_id = calm, target_code_id = calm, rationale = "Self." }))
            .ShouldFail("MERGE_NOT_SUGGESTED/SAME_CODE");

        Assert.Equal(2, (await reviewer.Call("list_pending_suggestions", new { project_id = p.ProjectId, kind = "merge" })).ShouldSucceed().Data.GetProperty("count").GetInt32());
        (await reviewer.Call("approve_suggestion", new { project_id = p.ProjectId, suggestion_id = mergeId })).ShouldFail("SUGGESTION_NOT_APPROVED/WRONG_KIND");
        var merged = (await reviewer.Call("approve_merge", new { project_id = p.ProjectId, merge_suggestion_id = mergeId })).ShouldSucceed().Data;
        var dismissed = (await reviewer.Call("dismiss_merge", new { project_id = p.ProjectId, merge_suggestion_id = other, reason = "Calm is not relief." })).ShouldSucceed().Data;

        Assert.Equal(("merged", ease, p.CodeId), (merged.GetProperty("status").GetString(), merged.GetProperty("merged_from").GetGuid(), merged.GetProperty("merged_into").GetGuid()));
        (await p.Owner.Get($"/api/projects/{p.ProjectId}/codes/{ease}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Single((await p.Owner.Get($"/api/projects/{p.ProjectId}/codes/{p.CodeId}/segments")).Json!.AsArray());
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        Assert.Equal("Calm is not relief.", (await p.Owner.Get($"/api/projects/{p.ProjectId}/suggestions/{other}")).String("rejectionReason"));
        (await p.Owner.Get($"/api/projects/{p.ProjectId}/codes/{calm}")).ShouldBe(HttpStatusCode.OK);
    }
}
