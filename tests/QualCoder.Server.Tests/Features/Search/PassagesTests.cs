using QualCoder.Server.Domain;
using QualCoder.Server.Features.Search;

namespace QualCoder.Server.Tests.Features.Search;

public class PassagesTests
{
    private const string Party = "\U0001F389";

    private static readonly string LongSentence = "I went to the clinic every week " + string.Join(" ", Enumerable.Repeat("and waited for hours", 60)) + ".";

    /// <summary>Every passage's offsets are code points that slice exactly its text out of the source.</summary>
    private static IReadOnlyList<Passage> SplitAndCheck(string text)
    {
        var passages = Passages.Split(text);
        var codePoints = new CodePointText(text);
        foreach (var passage in passages)
        {
            Assert.Equal(passage.Text, codePoints.Slice(passage.Start, passage.End));
            Assert.Equal(passage.Text.Trim(), passage.Text);
            Assert.True(passage.End - passage.Start <= Passages.MaxLength, $"{passage.End - passage.Start} code points");
        }

        Assert.Equal(passages.OrderBy(p => p.Start), passages);
        Assert.All(passages.Zip(passages.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start));
        return passages;
    }

    [Fact]
    public void sentences_become_passages_cut_after_their_full_stop_question_or_exclamation_mark()
    {
        var passages = SplitAndCheck("The first weeks after the diagnosis were hard for me. Did anyone at the clinic ever explain it to you? No, never, not once in all those months!");

        Assert.Equal(
            ["The first weeks after the diagnosis were hard for me.", "Did anyone at the clinic ever explain it to you?", "No, never, not once in all those months!"],
            passages.Select(p => p.Text));
        Assert.Equal((0, 53), (passages[0].Start, passages[0].End));
    }

    [Fact]
    public void a_line_break_ends_a_passage_and_blank_lines_give_none()
    {
        var passages = SplitAndCheck("Interviewer: how did the family react to the news\n\n\nParticipant: they were shocked but they supported me");

        Assert.Equal(["Interviewer: how did the family react to the news", "Participant: they were shocked but they supported me"], passages.Select(p => p.Text));
        Assert.Equal(52, passages[1].Start);
    }

    [Fact]
    public void a_full_stop_inside_a_number_or_an_abbreviation_does_not_cut()
    {
        var passages = SplitAndCheck("The dose went from 2.5 mg to 5.0 mg in the second month of the trial.");

        Assert.Single(passages);
    }

    [Fact]
    public void very_short_pieces_join_their_neighbour()
    {
        var passages = SplitAndCheck("Yes. Okay.\nP1:\nI think the hardest part was telling my children about the illness.");

        Assert.Equal(["Yes. Okay.\nP1:\nI think the hardest part was telling my children about the illness."], passages.Select(p => p.Text));
    }

    [Fact]
    public void offsets_count_emoji_as_one_code_point_each()
    {
        var text = $"{Party}{Party} We celebrated when the results came back clear. {Party} Then the worry about the next scan started again.";

        var passages = SplitAndCheck(text);

        Assert.Equal(2, passages.Count);
        Assert.Equal(0, passages[0].Start);
        Assert.Equal($"{Party}{Party} We celebrated when the results came back clear.", passages[0].Text);
        Assert.Equal(50, passages[0].End);
        Assert.Equal(51, passages[1].Start);
        Assert.StartsWith(Party, passages[1].Text);
    }

    [Fact]
    public void combining_marks_stay_with_their_letter_when_a_run_without_spaces_is_cut()
    {
        var text = string.Concat(Enumerable.Repeat("e\u0301", 700));

        var passages = SplitAndCheck(text);

        Assert.All(passages, p => Assert.NotEqual('\u0301', p.Text[0]));
        Assert.Equal(text.Length, passages.Sum(p => p.Text.Length));
    }

    [Fact]
    public void a_run_of_emoji_without_spaces_is_never_cut_inside_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat(Party, 1_000));

        var passages = SplitAndCheck(text);

        Assert.Equal([600, 400], passages.Select(p => p.End - p.Start));
    }

    [Fact]
    public void a_long_sentence_is_cut_at_a_word_boundary_into_pieces_of_at_most_600_code_points()
    {
        var passages = SplitAndCheck(LongSentence);

        Assert.True(passages.Count >= 2);
        Assert.All(passages.SkipLast(1), p => Assert.True(p.End - p.Start > 500));
        Assert.All(passages, p => Assert.DoesNotContain("  ", p.Text));
        Assert.Equal(LongSentence.Split(' '), passages.SelectMany(p => p.Text.Split(' ')));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t ")]
    public void a_text_of_only_white_space_has_no_passages(string text) => Assert.Empty(Passages.Split(text));

    [Fact]
    public void japanese_sentences_end_at_their_own_full_stop()
    {
        var text = "先生に相談しましたが、あまり詳しく説明してもらえなかったので、とても不安な気持ちのまま家に帰りました。それで家族と一緒にインターネットで病気について色々と調べて、他の患者さんの経験も読むことにしました。";

        var passages = SplitAndCheck(text);

        Assert.Equal(2, passages.Count);
        Assert.EndsWith("。", passages[0].Text);
    }
}
