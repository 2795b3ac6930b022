using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

/// <summary>Merging Anger (A) into Fear (B): which codings are recoded, joined, resized and removed.</summary>
public class SegmentMergeTests
{
    // "scared" is [6, 12), "angry" [19, 24), "tired" [36, 41); the text is 42 code points long.
    private const string Transcript = "I was scared, then angry, then just tired.";
    private static readonly Guid Interview = Guid.Parse("0197a000-0000-7000-8000-00000000a001");
    private static readonly Guid Diary = Guid.Parse("0197a000-0000-7000-8000-00000000a002");
    private static readonly Dictionary<Guid, CodePointText> Texts = new()
    {
        [Interview] = new CodePointText(Transcript),
        [Diary] = new CodePointText("Angry 😠 and scared 😨 at once."),
    };

    private static int _next;

    private static Segment Coding(Guid code, int start, int end, Actor? coder = null, int minutesAfter = 0, Guid? source = null, string memo = "", int importance = 0)
    {
        var sourceId = source ?? Interview;
        var at = Earlier.AddMinutes(minutesAfter);
        return new Segment(
            Guid.Parse($"0197a000-0000-7000-8000-{0xb000 + Interlocked.Increment(ref _next):x12}"), ProjectId, sourceId, code,
            (coder ?? Coder).AccountId, start, end, Texts[sourceId].Slice(start, end), memo, importance, at, at);
    }

    private static IReadOnlyList<object> Plan(params Segment[] codings) => SegmentMerge.Plan(Anger, Fear, codings, Texts, Editor, Now);

    private static SegmentRecoded Recoded(Segment s) => new(ProjectId, s.SourceId, s.Id, Fear, Editor, Now);

    private static SegmentUncoded Uncoded(Segment s) => new(ProjectId, s.SourceId, s.Id, Editor, Now);

    private static SegmentResized Resized(Segment s, int start, int end) =>
        new(ProjectId, s.SourceId, s.Id, start, end, Texts[s.SourceId].Slice(start, end), Editor, Now);

    [Fact]
    public void codings_that_meet_nothing_are_recoded_and_the_other_code_is_left_alone()
    {
        var angry = Coding(Anger, 19, 24);
        var scared = Coding(Fear, 6, 12);

        Assert.Equal([Recoded(angry)], Plan(angry, scared));
    }

    [Fact]
    public void without_codings_there_is_nothing_to_do() => Assert.Empty(Plan());

    [Fact]
    public void codings_of_other_codes_are_ignored() => Assert.Empty(Plan(Coding(Joy, 0, 5)));

    [Fact]
    public void an_overlap_keeps_the_earlier_coding_of_the_merged_into_code_spanning_both_and_removes_the_other()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 0);
        var angry = Coding(Anger, 10, 24, minutesAfter: 5);

        Assert.Equal([Resized(scared, 6, 24), Uncoded(angry)], Plan(angry, scared));
        Assert.Equal("scared, then angry", Resized(scared, 6, 24).Quote);
    }

    [Fact]
    public void when_the_merged_codes_coding_is_earlier_it_is_kept_recoded_and_resized()
    {
        var angry = Coding(Anger, 10, 24, minutesAfter: 0);
        var scared = Coding(Fear, 6, 12, minutesAfter: 5);

        Assert.Equal([Recoded(angry), Resized(angry, 6, 24), Uncoded(scared)], Plan(angry, scared));
    }

    [Fact]
    public void a_coding_inside_the_other_is_absorbed_without_resizing()
    {
        var scared = Coding(Fear, 2, 30, minutesAfter: 0);
        var angry = Coding(Anger, 19, 24, minutesAfter: 5);

        Assert.Equal([Uncoded(angry)], Plan(angry, scared));
    }

    [Fact]
    public void identical_spans_become_one_coding()
    {
        var angry = Coding(Anger, 19, 24, minutesAfter: 0);
        var alsoAngry = Coding(Fear, 19, 24, minutesAfter: 5);

        Assert.Equal([Recoded(angry), Uncoded(alsoAngry)], Plan(angry, alsoAngry));
    }

    [Fact]
    public void codings_of_different_coders_are_never_joined()
    {
        var angry = Coding(Anger, 10, 24, coder: Coder);
        var scared = Coding(Fear, 6, 12, coder: Editor);

        Assert.Equal([Recoded(angry)], Plan(angry, scared));
    }

    [Fact]
    public void codings_that_only_touch_do_not_overlap()
    {
        var scared = Coding(Fear, 6, 12);
        var angry = Coding(Anger, 12, 24);

        Assert.Equal([Recoded(angry)], Plan(angry, scared));
    }

    [Fact]
    public void codings_in_different_sources_are_never_joined()
    {
        var angry = Coding(Anger, 0, 5, source: Diary);
        var scared = Coding(Fear, 0, 12, source: Interview);

        Assert.Equal([Recoded(angry)], Plan(angry, scared));
    }

    [Fact]
    public void a_chain_of_overlaps_becomes_one_coding_kept_by_the_earliest()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 10);
        var bridge = Coding(Anger, 10, 21, minutesAfter: 5);
        var tired = Coding(Fear, 19, 41, minutesAfter: 0);

        Assert.Equal([Resized(tired, 6, 41), Uncoded(scared), Uncoded(bridge)], Plan(scared, bridge, tired));
    }

    [Fact]
    public void separate_overlaps_in_one_source_are_joined_separately()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 0);
        var angryAtScared = Coding(Anger, 2, 8, minutesAfter: 1);
        var tired = Coding(Fear, 30, 41, minutesAfter: 2);
        var angryAtTired = Coding(Anger, 35, 42, minutesAfter: 3);

        Assert.Equal(
            [Resized(scared, 2, 12), Uncoded(angryAtScared), Resized(tired, 30, 42), Uncoded(angryAtTired)],
            Plan(tired, angryAtTired, scared, angryAtScared));
    }

    [Fact]
    public void overlapping_codings_of_the_merged_into_code_alone_are_not_touched()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 0);
        var alsoScared = Coding(Fear, 8, 14, minutesAfter: 1);
        var angry = Coding(Anger, 30, 35, minutesAfter: 2);

        Assert.Equal([Recoded(angry)], Plan(scared, alsoScared, angry));
    }

    [Fact]
    public void the_kept_coding_takes_the_others_memos_and_the_highest_importance()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 0, memo: "Fear of the night shift.", importance: 1);
        var angry = Coding(Anger, 10, 24, minutesAfter: 5, memo: "Anger at management.", importance: 2);

        Assert.Equal(
            [
                Resized(scared, 6, 24),
                new SegmentMemoChanged(ProjectId, Interview, scared.Id, "Fear of the night shift.\n\nAnger at management.", Editor, Now),
                new SegmentImportanceSet(ProjectId, Interview, scared.Id, 2, Editor, Now),
                Uncoded(angry),
            ],
            Plan(angry, scared));
    }

    [Fact]
    public void joined_memos_are_cut_to_the_memo_limit()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 0, memo: new string('f', 6_000));
        var angry = Coding(Anger, 10, 24, minutesAfter: 5, memo: new string('a', 6_000));

        var memo = Plan(angry, scared).OfType<SegmentMemoChanged>().Single().Memo;

        Assert.Equal(QualCoder.Server.Domain.Memos.MaxLength, memo.Length);
        Assert.StartsWith(new string('f', 6_000), memo);
    }

    [Fact]
    public void an_empty_or_repeated_memo_changes_nothing()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 0, memo: "Same note", importance: 2);
        var angry = Coding(Anger, 10, 24, minutesAfter: 5, memo: "Same note", importance: 1);
        var angryAgain = Coding(Anger, 8, 9, coder: Coder, minutesAfter: 6);

        Assert.Equal([Resized(scared, 6, 24), Uncoded(angryAgain), Uncoded(angry)], Plan(angry, scared, angryAgain));
    }

    [Fact]
    public void the_quote_of_a_joined_span_counts_code_points()
    {
        var angry = Coding(Anger, 0, 7, source: Diary, minutesAfter: 0);
        var scared = Coding(Fear, 6, 20, source: Diary, minutesAfter: 5);

        var resized = Assert.IsType<SegmentResized>(Plan(angry, scared)[1]);

        Assert.Equal((0, 20, "Angry 😠 and scared 😨"), (resized.Start, resized.End, resized.Quote));
    }

    [Fact]
    public void joining_without_the_source_text_is_a_bug_not_a_guess()
    {
        var scared = Coding(Fear, 6, 12, minutesAfter: 0);
        var angry = Coding(Anger, 10, 24, minutesAfter: 5);

        Assert.Throws<InvalidOperationException>(() => SegmentMerge.Plan(Anger, Fear, [angry, scared], new Dictionary<Guid, CodePointText>(), Editor, Now));
    }
}
