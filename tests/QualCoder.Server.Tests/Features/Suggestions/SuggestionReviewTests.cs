using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Suggestions;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Suggestions;

public sealed class SuggestionReviewTests(QualCoderApp app) : IntegrationTest(app)
{
    // CodingScenario.Text: "I felt 🎉 so relieved. The nurse said e\u0301cole was fine. I felt calm." ("so relieved" is [9, 20)).

    [Fact]
    public async Task a_suggested_coding_shows_its_quote_and_context_and_approving_it_codes_the_span_as_the_approver()
    {
        var s = await SuggestionScenario.Arrange(this);
        var id = await s.SuggestCoding(9, 20);

        var pending = (await s.Project.Viewer.Get(s.Suggestions)).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        var shown = Assert.Single(pending)!;
        Assert.Equal(("coding", "pending", "so relieved", "I felt 🎉 ", ". The nurse said e\u0301cole was fine. I felt calm."), (
            shown["kind"]!.GetValue<string>(), shown["status"]!.GetValue<string>(), shown["coding"]!["quote"]!.GetValue<string>(),
            shown["coding"]!["contextBefore"]!.GetValue<string>(), shown["coding"]!["contextAfter"]!.GetValue<string>()));
        Assert.Equal(s.Project.Coder.AccountId, shown["suggestedBy"]!["accountId"]!.GetValue<Guid>());

        var approved = (await s.Project.Owner.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("approved", approved.String("status"));
        var segment = Assert.Single((await s.Project.Owner.Get($"/api/projects/{s.Project.ProjectId}/sources/{s.Project.SourceId}/segments")).Json!.AsArray())!;
        Assert.Equal((approved.Guid("resultId"), s.Project.Owner.AccountId, "so relieved"), (
            segment["id"]!.GetValue<Guid>(), segment["coderId"]!.GetValue<Guid>(), segment["quote"]!.GetValue<string>()));
        Assert.Empty((await s.Project.Owner.Get(s.Suggestions)).Json!.AsArray());
    }

    [Fact]
    public async Task approving_a_code_suggestion_needs_an_editor_and_creates_the_code_with_its_description_as_memo()
    {
        var s = await SuggestionScenario.Arrange(this);
        var id = Guid.CreateVersion7();
        var suggested = await s.Send<CommandOutcome>(new SuggestCode(s.Project.ProjectId, id, "Calm", "Settled feelings", null, "When they settle.", 85, ["I felt calm."], s.Agent));
        Assert.Null(suggested.Error);

        (await s.Project.Coder.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.Forbidden, "SUGGESTION_NOT_APPROVED/FORBIDDEN");
        var approved = (await s.Project.Owner.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.OK);

        var code = (await s.Project.Owner.Get($"/api/projects/{s.Project.ProjectId}/codes/{approved.Guid("resultId")}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Calm", "#808080", "When they settle.", s.Project.Owner.AccountId), (code.String("name"), code.String("color"), code.String("memo"), code.Guid("createdBy")));
        (await s.Project.Owner.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.Conflict, "SUGGESTION_NOT_APPROVED/ALREADY_APPROVED");
    }

    [Fact]
    public async Task approving_a_merge_suggestion_merges_the_codes()
    {
        var s = await SuggestionScenario.Arrange(this);
        var other = await s.Project.Seed.Code("Ease");
        (await s.Project.Coder.Post(s.Project.Segments, s.Project.At(0, 6, other))).ShouldBe(HttpStatusCode.Created);
        var id = Guid.CreateVersion7();
        Assert.Null((await s.Send<CommandOutcome>(new SuggestMerge(s.Project.ProjectId, id, other, s.Project.CodeId, "Same thing", null, s.Agent))).Error);

        (await s.Project.Owner.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.OK);

        (await s.Project.Owner.Get($"/api/projects/{s.Project.ProjectId}/codes/{other}")).ShouldBe(HttpStatusCode.NotFound);
        var segment = Assert.Single((await s.Project.Owner.Get($"/api/projects/{s.Project.ProjectId}/codes/{s.Project.CodeId}/segments")).Json!.AsArray())!;
        Assert.Equal("I felt", segment["segment"]!["quote"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_rejection_keeps_its_reason_and_feedback_and_cannot_be_repeated()
    {
        var s = await SuggestionScenario.Arrange(this);
        var id = await s.SuggestCoding(9, 20);

        (await s.Project.Viewer.Post($"{s.Suggestions}/{id}/reject", new { reason = "No" })).ShouldBe(HttpStatusCode.Forbidden);
        var rejected = (await s.Project.Coder.Post($"{s.Suggestions}/{id}/reject", new { reason = "Not relief but surprise", feedback = "Read the whole turn" }))
            .ShouldBe(HttpStatusCode.OK);

        Assert.Equal(("rejected", "Not relief but surprise", "Read the whole turn"), (rejected.String("status"), rejected.String("rejectionReason"), rejected.String("feedback")));
        (await s.Project.Owner.Post($"{s.Suggestions}/{id}/reject", new { reason = "Again" })).ShouldBe(HttpStatusCode.Conflict, "SUGGESTION_NOT_REJECTED/ALREADY_REJECTED");
        (await s.Project.Owner.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.Conflict, "SUGGESTION_NOT_APPROVED/ALREADY_REJECTED");
        var listed = Assert.Single((await s.Project.Owner.Get($"{s.Suggestions}?status=rejected")).Json!.AsArray())!;
        Assert.Equal(id, listed["id"]!.GetValue<Guid>());
        Assert.Empty((await s.Project.Owner.Get(s.Suggestions)).Json!.AsArray());
    }

    [Fact]
    public async Task when_two_reviewers_approve_the_same_suggestion_at_once_one_wins_and_the_other_gets_409()
    {
        var s = await SuggestionScenario.Arrange(this);
        var id = await s.SuggestCoding(9, 20);

        var replies = await Task.WhenAll(s.Project.Owner.Post($"{s.Suggestions}/{id}/approve"), s.Project.Coder.Post($"{s.Suggestions}/{id}/approve"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], replies.Select(r => r.Status).Order());
        Assert.Equal("SUGGESTION_NOT_APPROVED/ALREADY_APPROVED", replies.Single(r => r.Status == HttpStatusCode.Conflict).Code);
        Assert.Single((await s.Project.Owner.Get($"/api/projects/{s.Project.ProjectId}/sources/{s.Project.SourceId}/segments")).Json!.AsArray());
    }

    [Fact]
    public async Task an_approval_the_coding_command_refuses_is_409_with_its_code_and_the_suggestion_is_marked_failed()
    {
        var s = await SuggestionScenario.Arrange(this);
        (await s.Project.Coder.Post(s.Project.Segments, s.Project.At(12, 18))).ShouldBe(HttpStatusCode.Created);
        var id = await s.SuggestCoding(9, 20);

        (await s.Project.Coder.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.Conflict, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT");

        var failed = (await s.Project.Owner.Get($"{s.Suggestions}/{id}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("failed", "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT"), (failed.String("status"), failed.String("errorCode")));
        // Another coder has no overlapping coding of their own: their approval goes through.
        (await s.Project.Owner.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task approving_a_batch_applies_it_as_one_coding_batch_and_reports_each_item()
    {
        var s = await SuggestionScenario.Arrange(this);
        (await s.Project.Owner.Post(s.Project.Segments, s.Project.At(12, 18))).ShouldBe(HttpStatusCode.Created);
        var batchId = Guid.CreateVersion7();
        var ids = await s.SuggestCodings(batchId, (0, 6), (9, 20), (61, 65));

        var reply = (await s.Project.Owner.Post($"{s.Suggestions}/batches/{batchId}/approve")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((2, 1), (reply["appliedCount"].GetValue<int>(), reply["failedCount"].GetValue<int>()));
        var results = reply["results"].AsArray();
        Assert.Equal(ids, results.Select(r => r!["suggestionId"]!.GetValue<Guid>()));
        Assert.Equal([null, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", null], results.Select(r => r!["errorCode"]?.GetValue<string>()));
        var status = (await s.Project.Viewer.Get($"{s.Suggestions}/batches/{batchId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("partial", 3, 1, 2, 1), (
            status.String("status"), status["totalCount"].GetValue<int>(), status["pendingCount"].GetValue<int>(), status["reviewedCount"].GetValue<int>(), status["failedCount"].GetValue<int>()));

        var rejected = (await s.Project.Coder.Post($"{s.Suggestions}/batches/{batchId}/reject", new { reason = "Overlaps the owner's" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("completed", 0, 1), (rejected.String("status"), rejected["pendingCount"].GetValue<int>(), rejected["rejectedCount"].GetValue<int>()));
        (await s.Project.Coder.Post($"{s.Suggestions}/batches/{batchId}/approve")).ShouldBe(HttpStatusCode.Conflict, "SUGGESTIONS_NOT_APPROVED/ALREADY_REVIEWED");
        (await s.Project.Coder.Get($"{s.Suggestions}/batches/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task the_queue_filters_by_source_batch_and_kind_and_an_unknown_suggestion_is_not_found()
    {
        var s = await SuggestionScenario.Arrange(this);
        var otherSource = await s.Project.Seed.Source("Another calm day.", "Diary");
        var batchId = Guid.CreateVersion7();
        await s.SuggestCodings(batchId, (0, 6), (9, 20));
        await s.SuggestCoding(61, 65);
        Assert.Null((await s.Send<CommandOutcome>(new SuggestCode(s.Project.ProjectId, Guid.CreateVersion7(), "Calm", "Why", null, null, null, null, s.Agent))).Error);

        Assert.Equal(4, (await s.Project.Viewer.Get(s.Suggestions)).Json!.AsArray().Count);
        Assert.Equal(2, (await s.Project.Viewer.Get($"{s.Suggestions}?batchId={batchId}")).Json!.AsArray().Count);
        Assert.Equal(3, (await s.Project.Viewer.Get($"{s.Suggestions}?sourceId={s.Project.SourceId}")).Json!.AsArray().Count);
        Assert.Empty((await s.Project.Viewer.Get($"{s.Suggestions}?sourceId={otherSource}")).Json!.AsArray());
        Assert.Single((await s.Project.Viewer.Get($"{s.Suggestions}?kind=code")).Json!.AsArray());
        (await s.Project.Viewer.Get($"{s.Suggestions}?status=maybe")).ShouldBe(HttpStatusCode.UnprocessableEntity, "SUGGESTIONS/INVALID_STATUS");
        (await s.Project.Viewer.Get($"{s.Suggestions}/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound, "SUGGESTIONS/NOT_FOUND");
        (await s.Project.Coder.Post($"{s.Suggestions}/{Guid.NewGuid()}/approve")).ShouldBe(HttpStatusCode.NotFound, "SUGGESTION_NOT_APPROVED/NOT_FOUND");
    }

    [Fact]
    public async Task a_suggestion_is_its_events_in_the_store_and_survives_a_fresh_session()
    {
        var s = await SuggestionScenario.Arrange(this);
        var id = await s.SuggestCoding(9, 20);
        (await s.Project.Coder.Post($"{s.Suggestions}/{id}/reject", new { reason = "Later" })).ShouldBe(HttpStatusCode.OK);

        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        var rebuilt = await session.Events.AggregateStreamAsync<Suggestion>(id);

        Assert.Equal(["coding_suggested", "suggestion_rejected"], events.Select(e => e.EventTypeName));
        Assert.Equal((SuggestionStatus.Rejected, "Later", "so relieved", s.Agent), (rebuilt!.Status, rebuilt.RejectionReason, rebuilt.Coding!.Quote, rebuilt.SuggestedBy));
    }

    [Fact]
    public async Task a_span_outside_the_source_is_refused_when_suggested()
    {
        var s = await SuggestionScenario.Arrange(this);
        var item = new CodingSuggestionItem(Guid.CreateVersion7(), s.Project.SourceId, s.Project.CodeId, new QualCoder.Server.Features.Coding.SegmentAnchor(0, 500, null, null));

        var outcome = await s.Send<CommandOutcome>(new SuggestCodings(s.Project.ProjectId, null, [item], s.Agent));

        Assert.Equal("CODING_NOT_SUGGESTED/INVALID_POSITION", outcome.Error?.Code);
        Assert.Empty((await s.Project.Owner.Get($"{s.Suggestions}?status=all")).Json!.AsArray());
    }
}
