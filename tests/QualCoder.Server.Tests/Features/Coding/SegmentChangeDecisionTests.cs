using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

namespace QualCoder.Server.Tests.Features.Coding;

public class SegmentChangeDecisionTests
{
    public enum Change
    {
        Remove,
        Memo,
        Importance,
        Resize,
        Recode,
    }

    /// <summary>The coder's "Hope" coding of [17, 21).</summary>
    private static readonly Guid Id = SegmentNo(1);

    private static Segment CodersHope() => CodingOf(Id, Coder, HopeCode, 17, 21);

    /// <summary>
    /// What the handler decides on: the project, its codebook, the coding, the source's text, and every coding of the
    /// coding's coder in that source (the coding itself among them, as the query returns it).
    /// </summary>
    private static SegmentContext Context(Segment? segment, Project? project = null, params Segment[] siblings) =>
        new(project ?? Team(), TheCodebook(), segment, new CodePointText(InterviewText), segment is null ? siblings : [segment, .. siblings]);

    /// <summary>Each change, with a value that differs from <see cref="CodersHope"/>'s.</summary>
    private static Decision Apply(Change change, SegmentContext context, Actor actor) => change switch
    {
        Change.Remove => RemoveCodingHandler.Decide(context, new RemoveCoding(ProjectId, Id, actor), Now),
        Change.Memo => ChangeSegmentMemoHandler.Decide(context, new ChangeSegmentMemo(ProjectId, Id, "She said it twice.", actor), Now),
        Change.Importance => SetSegmentImportanceHandler.Decide(context, new SetSegmentImportance(ProjectId, Id, 2, actor), Now),
        Change.Resize => ResizeSegmentHandler.Decide(context, new ResizeSegment(ProjectId, Id, 17, 29, actor), Now),
        Change.Recode => RecodeSegmentHandler.Decide(context, new RecodeSegment(ProjectId, Id, FearCode, actor), Now),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static object Expected(Change change, Actor actor) => change switch
    {
        Change.Remove => new SegmentUncoded(ProjectId, InterviewId, Id, actor, Now),
        Change.Memo => new SegmentMemoChanged(ProjectId, InterviewId, Id, "She said it twice.", actor, Now),
        Change.Importance => new SegmentImportanceSet(ProjectId, InterviewId, Id, 2, actor, Now),
        Change.Resize => new SegmentResized(ProjectId, InterviewId, Id, 17, 29, "Hope kept us", actor, Now),
        Change.Recode => new SegmentRecoded(ProjectId, InterviewId, Id, FearCode, actor, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    private static string PrefixOf(Change change) => change switch
    {
        Change.Remove => "SEGMENT_NOT_REMOVED",
        Change.Memo => "SEGMENT_MEMO_NOT_CHANGED",
        Change.Importance => "SEGMENT_IMPORTANCE_NOT_SET",
        Change.Resize => "SEGMENT_NOT_RESIZED",
        Change.Recode => "SEGMENT_NOT_RECODED",
        _ => throw new ArgumentOutOfRangeException(nameof(change)),
    };

    // Who may change a coding: the same rule for all five changes.

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_coder_changes_their_own_coding(Change change) => Accepted(Apply(change, Context(CodersHope()), Coder), Expected(change, Coder));

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void an_editor_changes_a_coders_coding(Change change) => Accepted(Apply(change, Context(CodersHope()), Editor), Expected(change, Editor));

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void an_owner_changes_a_coders_coding(Change change) => Accepted(Apply(change, Context(CodersHope()), Owner), Expected(change, Owner));

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_coder_may_not_change_another_coders_coding(Change change)
    {
        var context = Context(CodersHope(), Team(Joined(Ann, ProjectRole.Coder)));

        Refused(Apply(change, context, Ann), $"{PrefixOf(change)}/FORBIDDEN", ErrorKind.Forbidden);
    }

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_coder_may_not_change_an_editors_coding(Change change)
    {
        var editors = CodingOf(Id, Editor, HopeCode, 17, 21);

        Refused(Apply(change, Context(editors), Coder), $"{PrefixOf(change)}/FORBIDDEN", ErrorKind.Forbidden);
    }

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_viewer_may_not_change_a_coding(Change change) =>
        Refused(Apply(change, Context(CodersHope()), Viewer), $"{PrefixOf(change)}/FORBIDDEN", ErrorKind.Forbidden);

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_coder_demoted_to_viewer_may_no_longer_change_their_own_coding(Change change)
    {
        var demoted = Team(new MemberRoleChanged(ProjectId, Coder.AccountId, ProjectRole.Viewer, Owner, Earlier));

        Refused(Apply(change, Context(CodersHope(), demoted), Coder), $"{PrefixOf(change)}/FORBIDDEN", ErrorKind.Forbidden);
    }

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_coder_who_left_the_project_gets_not_found_for_their_own_coding(Change change)
    {
        var left = Team(new MemberRemoved(ProjectId, Coder.AccountId, Coder, Earlier));

        Refused(Apply(change, Context(CodersHope(), left), Coder), $"{PrefixOf(change)}/NOT_FOUND", ErrorKind.NotFound);
    }

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_non_member_gets_not_found(Change change) =>
        Refused(Apply(change, Context(CodersHope()), Outsider), $"{PrefixOf(change)}/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_deleted_project_is_not_found(Change change) =>
        Refused(Apply(change, Context(CodersHope(), DeletedTeam()), Owner), $"{PrefixOf(change)}/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_missing_coding_is_not_found(Change change) =>
        Refused(Apply(change, Context(null), Owner), $"{PrefixOf(change)}/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(Change.Remove)]
    [InlineData(Change.Memo)]
    [InlineData(Change.Importance)]
    [InlineData(Change.Resize)]
    [InlineData(Change.Recode)]
    public void a_coding_of_another_project_is_not_found(Change change)
    {
        var elsewhere = Segment.Create(Coded(Id, Coder, HopeCode, 17, 21) with { ProjectId = OtherProjectId });

        Refused(Apply(change, Context(elsewhere), Owner), $"{PrefixOf(change)}/NOT_FOUND", ErrorKind.NotFound);
    }

    // Remove.

    [Fact]
    public void removing_a_coding_with_a_memo_and_importance_is_one_event()
    {
        var marked = CodersHope() with { Memo = "Key moment.", Importance = 2 };

        Accepted(
            RemoveCodingHandler.Decide(Context(marked), new RemoveCoding(ProjectId, Id, Coder), Now),
            new SegmentUncoded(ProjectId, InterviewId, Id, Coder, Now));
    }

    // Memo.

    private static Decision Memo(Segment segment, string? memo, Actor? actor = null) =>
        ChangeSegmentMemoHandler.Decide(Context(segment), new ChangeSegmentMemo(ProjectId, Id, memo, actor ?? Coder), Now);

    private static Segment CodersHopeWithMemo(string memo) => CodersHope() with { Memo = memo };

    [Fact]
    public void the_memo_is_trimmed() =>
        Accepted(Memo(CodersHope(), "\t She said it twice. \n"), new SegmentMemoChanged(ProjectId, InterviewId, Id, "She said it twice.", Coder, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void a_memo_is_cleared_by_null_or_blank(string? memo) =>
        Accepted(Memo(CodersHopeWithMemo("Key moment."), memo), new SegmentMemoChanged(ProjectId, InterviewId, Id, "", Coder, Now));

    [Theory]
    [InlineData("Key moment.")]
    [InlineData("  Key moment.\n")]
    public void the_same_memo_changes_nothing(string memo) => AcceptedWithoutEvents(Memo(CodersHopeWithMemo("Key moment."), memo));

    [Fact]
    public void clearing_an_empty_memo_changes_nothing() => AcceptedWithoutEvents(Memo(CodersHope(), null));

    [Fact]
    public void a_memo_differing_only_in_case_is_a_change() =>
        Accepted(Memo(CodersHopeWithMemo("Key moment."), "key moment."), new SegmentMemoChanged(ProjectId, InterviewId, Id, "key moment.", Coder, Now));

    [Fact]
    public void a_memo_of_10001_characters_is_refused() =>
        Refused(Memo(CodersHope(), new string('m', 10_001)), "SEGMENT_MEMO_NOT_CHANGED/MEMO_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void the_memo_limit_applies_after_trimming() =>
        Assert.True(Memo(CodersHope(), $"  {new string('m', 10_000)}  ").IsAccepted);

    [Fact]
    public void the_memo_limit_counts_code_points() =>
        Assert.True(Memo(CodersHope(), string.Concat(Enumerable.Repeat("\U0001F389", 10_000))).IsAccepted);

    [Fact]
    public void access_is_checked_before_the_memo() =>
        Refused(Memo(CodersHope(), new string('m', 10_001), Viewer), "SEGMENT_MEMO_NOT_CHANGED/FORBIDDEN", ErrorKind.Forbidden);

    // Importance.

    private static Decision Importance(Segment segment, int importance, Actor? actor = null) =>
        SetSegmentImportanceHandler.Decide(Context(segment), new SetSegmentImportance(ProjectId, Id, importance, actor ?? Coder), Now);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void importance_is_set(int importance) =>
        Accepted(Importance(CodersHope(), importance), new SegmentImportanceSet(ProjectId, InterviewId, Id, importance, Coder, Now));

    [Fact]
    public void importance_is_set_back_to_none() =>
        Accepted(
            Importance(CodersHope() with { Importance = 2 }, 0),
            new SegmentImportanceSet(ProjectId, InterviewId, Id, 0, Coder, Now));

    [Fact]
    public void the_same_importance_changes_nothing() =>
        AcceptedWithoutEvents(Importance(CodersHope() with { Importance = 1 }, 1));

    [Fact]
    public void importance_none_on_a_new_coding_changes_nothing() => AcceptedWithoutEvents(Importance(CodersHope(), 0));

    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    public void an_importance_other_than_0_1_or_2_is_refused(int importance) =>
        Refused(Importance(CodersHope(), importance), "SEGMENT_IMPORTANCE_NOT_SET/INVALID_IMPORTANCE", ErrorKind.Invalid);

    [Fact]
    public void access_is_checked_before_the_importance() =>
        Refused(Importance(CodersHope(), 3, Viewer), "SEGMENT_IMPORTANCE_NOT_SET/FORBIDDEN", ErrorKind.Forbidden);

    // Resize.

    private static Decision Resize(int start, int end, Actor? actor = null, Segment? segment = null, params Segment[] siblings) =>
        ResizeSegmentHandler.Decide(Context(segment ?? CodersHope(), null, siblings), new ResizeSegment(ProjectId, Id, start, end, actor ?? Coder), Now);

    [Theory]
    [InlineData(0, 4, "\U0001F389 We")]
    [InlineData(10, 21, "tired. Hope")]
    [InlineData(18, 20, "op")]
    [InlineData(63, 74, "Hope again.")]
    public void the_quote_follows_the_new_span_in_code_points(int start, int end, string quote) =>
        Accepted(Resize(start, end), new SegmentResized(ProjectId, InterviewId, Id, start, end, quote, Coder, Now));

    [Fact]
    public void the_same_span_changes_nothing() => AcceptedWithoutEvents(Resize(17, 21));

    [Theory]
    [InlineData(-1, 21)]
    [InlineData(17, 17)]
    [InlineData(17, 75)]
    [InlineData(21, 17)]
    public void an_invalid_span_is_refused(int start, int end) =>
        Refused(Resize(start, end), "SEGMENT_NOT_RESIZED/INVALID_POSITION", ErrorKind.Invalid);

    [Theory]
    [InlineData(22, 35)]
    [InlineData(10, 23)]
    [InlineData(0, 74)]
    public void a_span_overlapping_a_sibling_of_the_same_code_and_coder_is_refused(int start, int end)
    {
        var sibling = CodingOf(SegmentNo(2), Coder, HopeCode, 22, 29);

        Refused(Resize(start, end, siblings: sibling), "SEGMENT_NOT_RESIZED/OVERLAPPING_SEGMENT", ErrorKind.Conflict);
    }

    [Fact]
    public void a_span_touching_a_sibling_of_the_same_code_and_coder_is_accepted()
    {
        var sibling = CodingOf(SegmentNo(2), Coder, HopeCode, 22, 29);

        Accepted(Resize(17, 22, siblings: sibling), new SegmentResized(ProjectId, InterviewId, Id, 17, 22, "Hope ", Coder, Now));
    }

    [Fact]
    public void a_span_overlapping_a_sibling_of_another_code_is_accepted()
    {
        var sibling = CodingOf(SegmentNo(2), Coder, FearCode, 22, 29);

        Assert.True(Resize(17, 29, siblings: sibling).IsAccepted);
    }

    [Fact]
    public void a_span_overlapping_only_the_coding_itself_is_accepted() => Assert.True(Resize(19, 25).IsAccepted);

    [Fact]
    public void an_editor_resizing_a_coders_coding_is_held_to_the_coders_siblings()
    {
        var codersSibling = CodingOf(SegmentNo(2), Coder, HopeCode, 22, 29);

        Refused(Resize(17, 29, Editor, siblings: codersSibling), "SEGMENT_NOT_RESIZED/OVERLAPPING_SEGMENT", ErrorKind.Conflict);
    }

    [Fact]
    public void access_is_checked_before_the_span() => Refused(Resize(-1, 0, Viewer), "SEGMENT_NOT_RESIZED/FORBIDDEN", ErrorKind.Forbidden);

    // Recode.

    private static Decision Recode(Guid codeId, CodebookState? codebook = null, params Segment[] siblings)
    {
        var context = Context(CodersHope(), null, siblings) with { Codebook = codebook ?? TheCodebook() };
        return RecodeSegmentHandler.Decide(context, new RecodeSegment(ProjectId, Id, codeId, Coder), Now);
    }

    [Fact]
    public void recoding_keeps_the_span_and_changes_only_the_code()
    {
        var decision = Recode(FearCode);

        Accepted(decision, new SegmentRecoded(ProjectId, InterviewId, Id, FearCode, Coder, Now));
    }

    [Fact]
    public void recoding_to_the_same_code_changes_nothing() => AcceptedWithoutEvents(Recode(HopeCode));

    [Fact]
    public void recoding_to_an_unknown_code_is_refused() => Refused(Recode(UnknownCode), "SEGMENT_NOT_RECODED/CODE_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void recoding_to_a_deleted_code_is_refused() =>
        Refused(Recode(FearCode, TheCodebook(new CodeDeleted(ProjectId, FearCode, Editor, Earlier))), "SEGMENT_NOT_RECODED/CODE_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void recoding_to_a_code_the_coder_already_has_overlapping_here_is_refused()
    {
        var fear = CodingOf(SegmentNo(2), Coder, FearCode, 20, 25);

        Refused(Recode(FearCode, null, fear), "SEGMENT_NOT_RECODED/OVERLAPPING_SEGMENT", ErrorKind.Conflict);
    }

    [Fact]
    public void recoding_next_to_a_coding_of_the_target_code_is_accepted()
    {
        var fear = CodingOf(SegmentNo(2), Coder, FearCode, 21, 25);

        Assert.True(Recode(FearCode, null, fear).IsAccepted);
    }

    [Fact]
    public void access_is_checked_before_the_code()
    {
        var context = Context(CodersHope());

        Refused(RecodeSegmentHandler.Decide(context, new RecodeSegment(ProjectId, Id, UnknownCode, Viewer), Now), "SEGMENT_NOT_RECODED/FORBIDDEN", ErrorKind.Forbidden);
    }
}
