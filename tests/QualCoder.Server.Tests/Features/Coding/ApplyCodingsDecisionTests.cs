using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Coding;

public class ApplyCodingsDecisionTests
{
    private static CodingsDecision Decide(Actor actor, params CodingItem[] items) => Decide(Team(), actor, Interview(), items);

    private static CodingsDecision Decide(Project? project, Actor actor, SourceForCoding source, params CodingItem[] items) =>
        ApplyCodingsHandler.Decide(project, TheCodebook(), SourcesById(source), new ApplyCodings(ProjectId, items, actor), Now);

    private static CodingItem At(int n, int start, int end, Guid? codeId = null, string? memo = null, int? importance = null) =>
        new(SegmentNo(n), InterviewId, codeId ?? HopeCode, new SegmentAnchor(start, end, null, null), memo, importance);

    private static CodingItem Quoting(int n, string quote, int? occurrence = null, Guid? codeId = null) =>
        new(SegmentNo(n), InterviewId, codeId ?? HopeCode, new SegmentAnchor(null, null, quote, occurrence));

    private static SegmentCoded Accepted(CodingsDecision decision)
    {
        Assert.Null(decision.Error);
        var result = Assert.Single(decision.Results);
        Assert.Null(result.Error);
        var coded = Assert.Single(decision.Events);
        Assert.Equal(Segment.Create(coded), result.Segment);
        return coded;
    }

    [Fact]
    public void a_coder_codes_a_span_and_the_event_carries_its_quote_the_actor_and_the_time()
    {
        var coded = Accepted(Decide(Coder, At(1, 17, 29)));

        Assert.Equal(new SegmentCoded(ProjectId, InterviewId, SegmentNo(1), HopeCode, 17, 29, "Hope kept us", "", 0, Coder, Now), coded);
    }

    [Fact]
    public void the_result_is_the_segment_as_the_projection_folds_it()
    {
        var decision = Decide(Coder, At(1, 17, 21));

        Assert.Equal(
            new CodingItemResult(0, new Segment(SegmentNo(1), ProjectId, InterviewId, HopeCode, Coder.AccountId, 17, 21, "Hope", "", 0, Now, Now), null),
            Assert.Single(decision.Results));
    }

    [Fact]
    public void the_memo_is_trimmed_and_the_importance_kept()
    {
        var coded = Accepted(Decide(Coder, At(1, 41, 45, memo: "  fear of mistakes \n", importance: 2)));

        Assert.Equal(("fear", "fear of mistakes", 2), (coded.Quote, coded.Memo, coded.Importance));
    }

    [Fact]
    public void a_coding_by_quote_lands_at_code_point_offsets_after_the_emoji()
    {
        var coded = Accepted(Decide(Coder, Quoting(1, "Hope", occurrence: 2)));

        Assert.Equal((63, 67, "Hope"), (coded.Start, coded.End, coded.Quote));
    }

    [Fact]
    public void the_quote_of_a_span_starting_at_the_emoji_contains_the_whole_emoji() =>
        Assert.Equal("\U0001F389 We", Accepted(Decide(Coder, At(1, 0, 4))).Quote);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Owner)]
    public void coders_and_above_may_code(ProjectRole role) => Assert.Equal(MemberWith(role), Accepted(Decide(MemberWith(role), At(1, 17, 21))).Actor);

    [Fact]
    public void a_viewer_may_not_code() => Refused(Decide(Viewer, At(1, 17, 21)), "SEGMENT_NOT_CODED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, At(1, 17, 21)), "SEGMENT_NOT_CODED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found() =>
        Refused(Decide(DeletedTeam(), Coder, Interview(), At(1, 17, 21)), "SEGMENT_NOT_CODED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Refused(Decide(null, Coder, Interview(), At(1, 17, 21)), "SEGMENT_NOT_CODED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void access_is_checked_before_the_batch() => Refused(Decide(Viewer), "SEGMENT_NOT_CODED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void an_empty_batch_is_refused() => Refused(Decide(Coder), "BATCH_APPLY_CODES/EMPTY_BATCH", ErrorKind.Invalid);

    [Fact]
    public void a_batch_of_10001_codings_is_refused_whole()
    {
        var items = Enumerable.Range(0, ApplyCodingsHandler.MaxBatch + 1).Select(i => At(i, 0, 1)).ToArray();

        Refused(Decide(Coder, items), "BATCH_APPLY_CODES/TOO_MANY", ErrorKind.Invalid);
    }

    [Fact]
    public void a_batch_of_10000_disjoint_codings_is_accepted_whole()
    {
        var text = string.Concat(Enumerable.Repeat("\U0001F389", ApplyCodingsHandler.MaxBatch));
        var source = SourceWithText(InterviewId, text);
        var items = Enumerable.Range(0, ApplyCodingsHandler.MaxBatch).Select(i => At(i, i, i + 1)).Reverse().ToArray();

        var decision = Decide(Team(), Coder, source, items);

        Assert.Null(decision.Error);
        Assert.All(decision.Results, r => Assert.Null(r.Error));
        Assert.Equal(ApplyCodingsHandler.MaxBatch, decision.Events.Count);
        Assert.All(decision.Events, e => Assert.Equal("\U0001F389", e.Quote));
    }

    [Fact]
    public void an_unknown_source_is_not_found()
    {
        var item = At(1, 17, 21) with { SourceId = UnknownSourceId };

        ItemRefused(Decide(Coder, item), 0, "SEGMENT_NOT_CODED/SOURCE_NOT_FOUND", ErrorKind.Invalid);
    }

    [Fact]
    public void an_unknown_code_is_refused() =>
        ItemRefused(Decide(Coder, At(1, 17, 21, UnknownCode)), 0, "SEGMENT_NOT_CODED/CODE_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void a_deleted_code_is_refused()
    {
        var decision = ApplyCodingsHandler.Decide(
            Team(), TheCodebook(new CodeDeleted(ProjectId, FearCode, Editor, Earlier)), SourcesById(Interview()),
            new ApplyCodings(ProjectId, [At(1, 41, 45, FearCode)], Coder), Now);

        ItemRefused(decision, 0, "SEGMENT_NOT_CODED/CODE_NOT_FOUND", ErrorKind.Invalid);
    }

    [Fact]
    public void a_project_without_a_codebook_has_no_code_to_apply()
    {
        var decision = ApplyCodingsHandler.Decide(Team(), null, SourcesById(Interview()), new ApplyCodings(ProjectId, [At(1, 17, 21)], Coder), Now);

        ItemRefused(decision, 0, "SEGMENT_NOT_CODED/CODE_NOT_FOUND", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void an_importance_other_than_0_1_or_2_is_refused(int importance) =>
        ItemRefused(Decide(Coder, At(1, 17, 21, importance: importance)), 0, "SEGMENT_NOT_CODED/INVALID_IMPORTANCE", ErrorKind.Invalid);

    [Fact]
    public void a_memo_of_10000_characters_is_accepted() =>
        Assert.Equal(10_000, Accepted(Decide(Coder, At(1, 17, 21, memo: new string('m', 10_000)))).Memo.Length);

    [Fact]
    public void a_memo_of_10001_characters_is_refused() =>
        ItemRefused(Decide(Coder, At(1, 17, 21, memo: new string('m', 10_001))), 0, "SEGMENT_NOT_CODED/MEMO_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void the_memo_limit_applies_to_the_trimmed_memo() =>
        Assert.Equal(10_000, Accepted(Decide(Coder, At(1, 17, 21, memo: $"  {new string('m', 10_000)}\n"))).Memo.Length);

    [Fact]
    public void the_memo_limit_counts_code_points() =>
        Accepted(Decide(Coder, At(1, 17, 21, memo: string.Concat(Enumerable.Repeat("\U0001F389", 10_000)))));

    [Theory]
    [InlineData(-1, 5)]
    [InlineData(5, 5)]
    [InlineData(70, 75)]
    [InlineData(9, 4)]
    public void an_invalid_position_is_refused(int start, int end) =>
        ItemRefused(Decide(Coder, At(1, start, end)), 0, "SEGMENT_NOT_CODED/INVALID_POSITION", ErrorKind.Invalid);

    [Fact]
    public void an_ambiguous_quote_is_refused() =>
        ItemRefused(Decide(Coder, Quoting(1, "Hope")), 0, "SEGMENT_NOT_CODED/QUOTE_AMBIGUOUS", ErrorKind.Invalid);

    [Fact]
    public void the_source_is_checked_before_the_code_the_code_before_the_position()
    {
        ItemRefused(Decide(Coder, At(1, 5, 5, UnknownCode) with { SourceId = UnknownSourceId }), 0, "SEGMENT_NOT_CODED/SOURCE_NOT_FOUND", ErrorKind.Invalid);
        ItemRefused(Decide(Coder, At(1, 5, 5, UnknownCode)), 0, "SEGMENT_NOT_CODED/CODE_NOT_FOUND", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData(17, 21)]
    [InlineData(10, 18)]
    [InlineData(20, 30)]
    [InlineData(0, 74)]
    [InlineData(18, 19)]
    public void a_span_overlapping_the_coders_own_coding_with_the_same_code_is_a_conflict(int start, int end)
    {
        var existing = CodingOf(SegmentNo(9), Coder, HopeCode, 17, 21);

        ItemRefused(Decide(Team(), Coder, Interview(existing), At(1, start, end)), 0, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", ErrorKind.Conflict);
    }

    [Theory]
    [InlineData(10, 17)]
    [InlineData(21, 29)]
    public void a_span_touching_the_coders_own_coding_is_no_overlap(int start, int end)
    {
        var existing = CodingOf(SegmentNo(9), Coder, HopeCode, 17, 21);

        var coded = Accepted(Decide(Team(), Coder, Interview(existing), At(1, start, end)));

        Assert.Equal((start, end), (coded.Start, coded.End));
    }

    [Fact]
    public void a_quote_overlapping_the_coders_own_coding_is_a_conflict_too()
    {
        var existing = CodingOf(SegmentNo(9), Coder, HopeCode, 63, 73);

        ItemRefused(Decide(Team(), Coder, Interview(existing), Quoting(1, "Hope", occurrence: 2)), 0, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", ErrorKind.Conflict);
    }

    [Fact]
    public void a_different_code_may_overlap_the_coders_own_coding()
    {
        var existing = CodingOf(SegmentNo(9), Coder, HopeCode, 17, 29);

        Assert.Equal(FearCode, Accepted(Decide(Team(), Coder, Interview(existing), At(1, 17, 29, FearCode))).CodeId);
    }

    [Fact]
    public void the_same_span_and_code_by_another_coder_is_allowed()
    {
        // The coder has coded [17, 21) with Hope. The handler loads only the acting editor's own segments (none),
        // so the coder's coding is not passed in and cannot conflict.
        var coders = CodingOf(SegmentNo(9), Coder, HopeCode, 17, 21);

        var coded = Accepted(Decide(Team(), Editor, Interview(), At(1, coders.Start, coders.End)));

        Assert.Equal((17, 21, HopeCode, Editor), (coded.Start, coded.End, coded.CodeId, coded.Actor));
    }

    [Fact]
    public void within_one_batch_the_second_of_two_overlapping_codings_is_refused()
    {
        var decision = Decide(Coder, At(1, 17, 29), At(2, 22, 35));

        Assert.Null(decision.Results[0].Error);
        ItemRefused(decision, 1, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", ErrorKind.Conflict);
        Assert.Equal(SegmentNo(1), Assert.Single(decision.Events).SegmentId);
    }

    [Fact]
    public void within_one_batch_the_same_span_twice_is_refused_the_second_time()
    {
        var decision = Decide(Coder, At(1, 41, 45), Quoting(2, "fear"));

        ItemRefused(decision, 1, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", ErrorKind.Conflict);
        Assert.Single(decision.Events);
    }

    [Fact]
    public void within_one_batch_adjacent_codings_and_other_codes_are_all_accepted()
    {
        var decision = Decide(Coder, At(1, 17, 21), At(2, 21, 29), At(3, 17, 29, FearCode), At(4, 10, 17));

        Assert.All(decision.Results, r => Assert.Null(r.Error));
        Assert.Equal([SegmentNo(1), SegmentNo(2), SegmentNo(3), SegmentNo(4)], decision.Events.Select(e => e.SegmentId));
    }

    [Fact]
    public void a_refused_item_does_not_block_the_span_for_later_items()
    {
        var decision = Decide(Coder, At(1, 17, 21, importance: 5), At(2, 17, 21));

        ItemRefused(decision, 0, "SEGMENT_NOT_CODED/INVALID_IMPORTANCE", ErrorKind.Invalid);
        Assert.Equal(SegmentNo(2), Assert.Single(decision.Events).SegmentId);
    }

    [Fact]
    public void a_mixed_batch_reports_each_item_by_index_and_emits_events_only_for_the_valid_ones()
    {
        var existing = CodingOf(SegmentNo(9), Coder, FearCode, 41, 45);
        var other = SourceWithText(Guid.Parse("0197a000-0000-7000-8000-0000000000c2"), "Second interview: fear again.");
        var decision = ApplyCodingsHandler.Decide(
            Team(),
            TheCodebook(),
            SourcesById(Interview(existing), other),
            new ApplyCodings(
                ProjectId,
                [
                    At(0, 17, 21),
                    At(1, 17, 21, UnknownCode),
                    At(2, 60, 80),
                    At(3, 40, 50, FearCode),
                    At(4, 18, 20),
                    At(5, 41, 45, FearCode) with { SourceId = UnknownSourceId },
                    new CodingItem(SegmentNo(6), other.Source.Id, FearCode, new SegmentAnchor(null, null, "fear", null)),
                    Quoting(7, "Hope", occurrence: 2, codeId: FearCode),
                    At(8, 0, 1, memo: new string('m', 10_001)),
                ],
                Coder),
            Now);

        Assert.Null(decision.Error);
        Assert.Equal(Enumerable.Range(0, 9), decision.Results.Select(r => r.Index));
        Assert.Equal(
            [null, "SEGMENT_NOT_CODED/CODE_NOT_FOUND", "SEGMENT_NOT_CODED/INVALID_POSITION", "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT",
             "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", "SEGMENT_NOT_CODED/SOURCE_NOT_FOUND", null, null, "SEGMENT_NOT_CODED/MEMO_TOO_LONG"],
            decision.Results.Select(r => r.Error?.Code));
        Assert.Equal(
            [(SegmentNo(0), InterviewId, 17, 21, "Hope"), (SegmentNo(6), other.Source.Id, 18, 22, "fear"), (SegmentNo(7), InterviewId, 63, 67, "Hope")],
            decision.Events.Select(e => (e.SegmentId, e.SourceId, e.Start, e.End, e.Quote)));
        Assert.All(decision.Results, r => Assert.Equal(r.Error is null, r.Segment is not null));
    }
}
