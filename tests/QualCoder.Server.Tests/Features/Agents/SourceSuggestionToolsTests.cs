using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Tests.Features.Coding;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An agent suggests a source's language, topics and folder; a person approves (memo lines and the move are theirs) or rejects it.</summary>
public sealed class SourceSuggestionToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task suggested_metadata_waits_for_review_and_becomes_the_approvers_memo_lines_and_folder()
    {
        var p = await CodingScenario.Arrange(this);
        var source = $"/api/projects/{p.ProjectId}/sources/{p.SourceId}";
        (await p.Owner.Put($"{source}/memo", new { memo = "First pass" })).ShouldBe(HttpStatusCode.OK);
        await using var suggester = await AgentClient.ConnectAsync(App, p.Coder, scope: "suggest");
        await using var reviewer = await AgentClient.ConnectAsync(App, p.Owner);

        var suggested = (await suggester.Call("suggest_source_metadata", new
        {
            project_id = p.ProjectId, source_id = p.SourceId, language = "English", topics = new[] { "relief", "care" }, organization_suggestion = "Interviews",
        })).ShouldSucceed().Data;
        var id = suggested.GetProperty("suggestion_id").GetGuid();
        var shape = suggested.GetProperty("suggested");
        Assert.Equal(("pending_approval", true, "English", "relief, care", "Interviews"), (
            suggested.GetProperty("status").GetString(), suggested.GetProperty("requires_approval").GetBoolean(), shape.GetProperty("language").GetString(),
            string.Join(", ", shape.GetProperty("topics").EnumerateArray().Select(t => t.GetString())), shape.GetProperty("organization_suggestion").GetString()));

        var listed = (await p.Owner.Get($"/api/projects/{p.ProjectId}/suggestions?kind=source_metadata")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal((id, "sourceMetadata", "English"), (
            Assert.Single(listed)!["id"]!.GetValue<Guid>(), listed[0]!["kind"]!.GetValue<string>(), listed[0]!["sourceMetadata"]!["language"]!.GetValue<string>()));
        Assert.Equal(1, (await reviewer.Call("list_pending_suggestions", new { project_id = p.ProjectId, kind = "source_metadata" })).ShouldSucceed().Data.GetProperty("count").GetInt32());

        var approved = (await p.Owner.Post($"/api/projects/{p.ProjectId}/suggestions/{id}/approve")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("approved", p.SourceId), (approved.String("status"), approved.Guid("resultId")));

        var folders = (await p.Owner.Get($"/api/projects/{p.ProjectId}/folders")).ShouldBe(HttpStatusCode.OK)["folders"].AsArray();
        var folderId = Assert.Single(folders)!["id"]!.GetValue<Guid>();
        var described = (await p.Owner.Get(source)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("First pass\n\nLanguage: English\nTopics: relief, care", folderId), (described.String("memo"), described.Guid("folderId")));
        await using (var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var made = (await session.Events.FetchStreamAsync(p.SourceId)).Select(e => e.Data).ToList();
            Assert.Equal(p.Owner.AccountId, ((SourceMemoChanged)made[^2]).Actor.AccountId);
            Assert.Equal(p.Owner.AccountId, ((SourceMovedToFolder)made[^1]).Actor.AccountId);
            var created = (FolderCreated)(await session.Events.FetchStreamAsync(QualCoder.Server.Features.Projects.ProjectStreams.FoldersOf(p.ProjectId)))[^1].Data;
            Assert.Equal(("Interviews", p.Owner.AccountId), (created.Name, created.Actor.AccountId));
        }

        // A second suggestion of the same folder (in another case) files into it rather than making another.
        var again = (await suggester.Call("suggest_source_metadata", new { project_id = p.ProjectId, source_id = p.SourceId, organization_suggestion = "interviews" }))
            .ShouldSucceed().Data.GetProperty("suggestion_id").GetGuid();
        var applied = (await reviewer.Call("approve_suggestion", new { project_id = p.ProjectId, suggestion_id = again })).ShouldSucceed().Data;
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        Assert.Single((await p.Owner.Get($"/api/projects/{p.ProjectId}/folders")).ShouldBe(HttpStatusCode.OK)["folders"].AsArray());
    }

    [Fact]
    public async Task a_rejection_keeps_its_reason_a_too_long_memo_fails_the_approval_and_refusals_say_why()
    {
        var p = await CodingScenario.Arrange(this);
        await using var agent = await AgentClient.ConnectAsync(App, p.Owner);
        await using var reader = await AgentClient.ConnectAsync(App, p.Owner, scope: "read");
        (await agent.Call("open_project", new { project_id = p.ProjectId })).ShouldSucceed();

        var id = (await agent.Call("suggest_source_metadata", new { source_id = p.SourceId, topics = new[] { "nurses" } })).ShouldSucceed().Data.GetProperty("suggestion_id").GetGuid();
        var rejected = (await agent.Call("reject_suggestion", new { suggestion_id = id, reason = "Not about nurses" })).ShouldSucceed().Data;
        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("Not about nurses", (await p.Owner.Get($"/api/projects/{p.ProjectId}/suggestions/{id}")).String("rejectionReason"));

        (await p.Owner.Put($"/api/projects/{p.ProjectId}/sources/{p.SourceId}/memo", new { memo = new string('m', Memos.MaxLength - 5) })).ShouldBe(HttpStatusCode.OK);
        var tooLong = (await agent.Call("suggest_source_metadata", new { source_id = p.SourceId, language = "English", organization_suggestion = "Ward B" }))
            .ShouldSucceed().Data.GetProperty("suggestion_id").GetGuid();
        (await p.Owner.Post($"/api/projects/{p.ProjectId}/suggestions/{tooLong}/approve")).ShouldBe(HttpStatusCode.Conflict);
        var failed = (await p.Owner.Get($"/api/projects/{p.ProjectId}/suggestions/{tooLong}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("failed", "SOURCE_MEMO_NOT_CHANGED/MEMO_TOO_LONG"), (failed.String("status"), failed.String("errorCode")));
        Assert.Empty((await p.Owner.Get($"/api/projects/{p.ProjectId}/folders")).ShouldBe(HttpStatusCode.OK)["folders"].AsArray());

        (await reader.Call("suggest_source_metadata", new { project_id = p.ProjectId, source_id = p.SourceId, language = "English" }))
            .ShouldFail("SOURCE_METADATA_NOT_SUGGESTED/PERMISSION_DENIED");
        (await agent.Call("suggest_source_metadata", new { source_id = Guid.NewGuid(), language = "English" })).ShouldFail("SOURCE_METADATA_NOT_SUGGESTED/NOT_FOUND");
        (await agent.Call("suggest_source_metadata", new { source_id = p.SourceId, topics = Array.Empty<string>() })).ShouldFail("SOURCE_METADATA_NOT_SUGGESTED/NOTHING_SUGGESTED");
        (await agent.Call("approve_merge", new { merge_suggestion_id = id })).ShouldFail("SUGGESTION_NOT_APPROVED/WRONG_KIND");
    }
}
