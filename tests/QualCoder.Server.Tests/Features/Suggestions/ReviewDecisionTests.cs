using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Suggestions;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Suggestions.GivenSuggestions;

namespace QualCoder.Server.Tests.Features.Suggestions;

public class ReviewDecisionTests
{
    private static DomainError? Approve(Suggestion? suggestion, Actor reviewer) => ApproveSuggestionHandler.Decide(Team(), suggestion, reviewer);

    private static Decision Reject(Suggestion? suggestion, Actor reviewer, string? reason = " Not about hope. ", string? feedback = null) =>
        RejectSuggestionHandler.Decide(Team(), suggestion, new RejectSuggestion(ProjectId, SuggestionId, reason, feedback, reviewer), Now);

    [Fact]
    public void a_coder_may_approve_a_coding_but_only_an_editor_a_code_or_a_merge()
    {
        Assert.Null(Approve(Fold(HopeSuggested()), Coder));
        Assert.Equal("SUGGESTION_NOT_APPROVED/FORBIDDEN", Approve(Fold(CodeSuggestedNamed("Tiredness")), Coder)?.Code);
        Assert.Equal("SUGGESTION_NOT_APPROVED/FORBIDDEN", Approve(Fold(MergeSuggested()), Coder)?.Code);
        Assert.Null(Approve(Fold(MergeSuggested()), Editor));
    }

    [Fact]
    public void source_metadata_is_approved_by_an_editor_as_source_edits_need()
    {
        Assert.Equal("SUGGESTION_NOT_APPROVED/FORBIDDEN", Approve(Fold(SourceMetadataSuggested()), Coder)?.Code);
        Assert.Null(Approve(Fold(SourceMetadataSuggested()), Editor));
        var folded = Fold(SourceMetadataSuggested());
        Assert.Equal((SuggestionKind.SourceMetadata, InterviewId, "English", "care", "Interviews"), (
            folded.Kind, folded.SourceMetadata!.SourceId, folded.SourceMetadata.Language, Assert.Single(folded.SourceMetadata.Topics), folded.SourceMetadata.FolderName));
    }

    [Fact]
    public void a_viewer_reviews_nothing() =>
        Assert.Equal(ErrorKind.Forbidden, Approve(Fold(HopeSuggested()), Viewer)?.Kind);

    [Fact]
    public void a_missing_suggestion_or_one_of_another_project_is_not_found()
    {
        Assert.Equal(("SUGGESTION_NOT_APPROVED/NOT_FOUND", ErrorKind.NotFound), Approve(null, Coder) is { } e ? (e.Code, e.Kind) : default);
        Assert.Equal(ErrorKind.NotFound, Approve(Fold(HopeSuggested() with { ProjectId = OtherProjectId }), Coder)?.Kind);
        Assert.Equal(ErrorKind.NotFound, Approve(Fold(HopeSuggested()), Outsider)?.Kind);
    }

    [Fact]
    public void an_approved_or_rejected_suggestion_cannot_be_reviewed_again()
    {
        Assert.Equal(("SUGGESTION_NOT_APPROVED/ALREADY_APPROVED", ErrorKind.Conflict), Approve(Fold(HopeSuggested(), ApprovedBy(Coder)), Editor) is { } a ? (a.Code, a.Kind) : default);
        Assert.Equal("SUGGESTION_NOT_APPROVED/ALREADY_REJECTED", Approve(Fold(HopeSuggested(), RejectedBy(Coder)), Editor)?.Code);
        Refused(Reject(Fold(HopeSuggested(), ApprovedBy(Coder)), Editor), "SUGGESTION_NOT_REJECTED/ALREADY_APPROVED", ErrorKind.Conflict);
        Refused(Reject(Fold(HopeSuggested(), RejectedBy(Coder)), Editor), "SUGGESTION_NOT_REJECTED/ALREADY_REJECTED", ErrorKind.Conflict);
    }

    [Fact]
    public void a_failed_approval_may_be_tried_again_or_rejected()
    {
        Assert.Null(Approve(Fold(HopeSuggested(), FailedFor(Coder)), Coder));
        Assert.True(Reject(Fold(HopeSuggested(), FailedFor(Coder)), Coder).IsAccepted);
    }

    [Fact]
    public void a_rejection_keeps_the_trimmed_reason_and_feedback() =>
        Accepted(Reject(Fold(HopeSuggested()), Coder, feedback: " Prefer whole sentences. "), new SuggestionRejected(ProjectId, SuggestionId, "Not about hope.", "Prefer whole sentences.", Coder, Now));

    [Fact]
    public void the_approver_not_the_agent_acts_in_the_command_it_runs()
    {
        var newId = Guid.NewGuid();

        var create = Assert.IsType<CreateCode>(ApproveSuggestionHandler.CommandFor(Fold(CodeSuggestedNamed("Tiredness") with { Description = "Memo" }), newId, Editor));
        Assert.Equal(new CreateCode(ProjectId, newId, "Tiredness", "#808080", "Memo", null, null, Editor), create);

        var apply = Assert.IsType<ApplyCodings>(ApproveSuggestionHandler.CommandFor(Fold(HopeSuggested()), newId, Coder));
        Assert.Equal(new CodingItem(newId, InterviewId, HopeCode, new SegmentAnchor(17, 21, "Hope", null)), Assert.Single(apply.Items));
        Assert.Equal(Coder, apply.Actor);

        var merge = Assert.IsType<MergeCodes>(ApproveSuggestionHandler.CommandFor(Fold(MergeSuggested()), HopeCode, Editor));
        Assert.Equal(new MergeCodes(ProjectId, FearCode, HopeCode, null, Editor), merge);
    }

    [Fact]
    public void the_suggestion_records_what_the_command_made_or_why_it_refused()
    {
        var suggestion = Fold(HopeSuggested());
        var segmentId = SegmentNo(1);
        var overlap = DomainError.Conflict("SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", "Overlaps.");

        Assert.Equal(new SuggestionApproved(ProjectId, SuggestionId, segmentId, Editor, Now), ApproveSuggestionHandler.Conclude(suggestion, segmentId, null, Editor, Now));
        Assert.Equal(
            new SuggestionApprovalFailed(ProjectId, SuggestionId, overlap.Code, overlap.Message, Editor, Now),
            ApproveSuggestionHandler.Conclude(suggestion, segmentId, overlap, Editor, Now));
    }

    [Fact]
    public void folding_a_review_sets_status_and_reviewer()
    {
        var failed = Fold(HopeSuggested(), FailedFor(Coder));
        var approved = Fold(HopeSuggested(), FailedFor(Coder), ApprovedBy(Editor));

        Assert.Equal((SuggestionStatus.Failed, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT"), (failed.Status, failed.ErrorCode));
        Assert.Equal((SuggestionStatus.Approved, Editor, null), (approved.Status, approved.ReviewedBy, approved.ErrorCode));
    }

    public class Batches
    {
        private static readonly Suggestion First = Fold(HopeSuggested(SuggestionId));
        private static readonly Suggestion Second = Fold(HopeSuggested(OtherSuggestionId));

        private static DomainError? ApproveAll(IReadOnlyList<Suggestion> batch, Actor reviewer, out IReadOnlyList<Suggestion> approvable, params Guid[] codeIds) =>
            ApproveSuggestionBatchHandler.Decide(Team(), batch, new ApproveSuggestionBatch(ProjectId, BatchId, reviewer, codeIds), out approvable);

        private static Decision RejectAll(IReadOnlyList<Suggestion> batch, Actor reviewer, Project? project = null) =>
            RejectSuggestionBatchHandler.Decide(project ?? Team(), batch, new RejectSuggestionBatch(ProjectId, BatchId, "Too broad", reviewer), Now);

        [Fact]
        public void approving_a_batch_takes_only_what_is_still_to_review()
        {
            var failed = Fold(HopeSuggested(OtherSuggestionId), FailedFor(Coder, OtherSuggestionId));
            var done = Fold(HopeSuggested(Guid.NewGuid()), RejectedBy(Coder));

            Assert.Null(ApproveAll([First, failed, done], Coder, out var reviewable));
            Assert.Equal([SuggestionId, OtherSuggestionId], reviewable.Select(s => s.Id));
        }

        [Fact]
        public void a_batch_with_nothing_left_is_a_conflict_and_an_empty_one_not_found()
        {
            Assert.Equal("SUGGESTIONS_NOT_APPROVED/ALREADY_REVIEWED", ApproveAll([Fold(HopeSuggested(), ApprovedBy(Coder))], Coder, out _)?.Code);
            Assert.Equal(ErrorKind.NotFound, ApproveAll([], Coder, out _)?.Kind);
            Assert.Equal(ErrorKind.Forbidden, ApproveAll([First], Viewer, out _)?.Kind);
        }

        [Fact]
        public void approving_selected_codes_takes_only_their_suggestions()
        {
            var fear = Fold(HopeSuggested(OtherSuggestionId) with { CodeId = FearCode, CodeName = "Fear" });

            Assert.Null(ApproveAll([First, fear], Coder, out var approvable, FearCode));
            Assert.Equal([OtherSuggestionId], approvable.Select(s => s.Id));
            Assert.Equal("SUGGESTIONS_NOT_APPROVED/NOTHING_SELECTED", ApproveAll([First], Coder, out _, FearCode)?.Code);
        }

        [Fact]
        public void rejecting_a_batch_rejects_each_pending_suggestion_with_the_reason()
        {
            var decision = RejectAll([First, Second, Fold(HopeSuggested(Guid.NewGuid()), ApprovedBy(Coder))], Coder);

            Assert.Null(decision.Error);
            Assert.Equal(
                [new SuggestionRejected(ProjectId, SuggestionId, "Too broad", "", Coder, Now), new SuggestionRejected(ProjectId, OtherSuggestionId, "Too broad", "", Coder, Now)],
                decision.Events);
        }

        [Fact]
        public void a_non_member_learns_nothing_of_a_batch() =>
            Refused(RejectAll([First], Outsider), "SUGGESTIONS_NOT_REJECTED/NOT_FOUND", ErrorKind.NotFound);

        [Fact]
        public void batch_status_counts_failed_as_pending_and_approved_or_rejected_as_reviewed()
        {
            var fresh = SuggestionBatchStatus.Of(BatchId, [First, Second]);
            var partial = SuggestionBatchStatus.Of(BatchId, [Fold(HopeSuggested(), ApprovedBy(Coder)), Fold(HopeSuggested(OtherSuggestionId), FailedFor(Coder)), Second]);
            var completed = SuggestionBatchStatus.Of(BatchId, [Fold(HopeSuggested(), ApprovedBy(Coder)), Fold(HopeSuggested(OtherSuggestionId), RejectedBy(Coder))]);

            Assert.Equal(("pending", 2, 2, 0), (fresh.Status, fresh.TotalCount, fresh.PendingCount, fresh.ReviewedCount));
            Assert.Equal(("partial", 3, 2, 1, 1, 0, 1), (partial.Status, partial.TotalCount, partial.PendingCount, partial.ReviewedCount, partial.ApprovedCount, partial.RejectedCount, partial.FailedCount));
            Assert.Equal(("completed", 0, 2, 1, 1), (completed.Status, completed.PendingCount, completed.ReviewedCount, completed.ApprovedCount, completed.RejectedCount));
        }
    }
}
