using QualCoder.Server.Domain;

namespace QualCoder.Server.Tests.Domain;

public class CodePointTextTests
{
    /// <summary>Woman scientist: U+1F469 (a surrogate pair), ZERO WIDTH JOINER, U+1F52C (a surrogate pair).</summary>
    private const string Scientist = "\U0001F469\u200D\U0001F52C";

    private const string Party = "\U0001F389";

    [Theory]
    [InlineData("", 0)]
    [InlineData("hello", 5)]
    [InlineData(Party, 1)]
    [InlineData(Scientist, 3)]
    [InlineData("e\u0301", 2)]
    [InlineData("caf\u00e9", 4)]
    [InlineData("a" + Party + "b" + Scientist, 6)]
    public void the_length_counts_code_points_not_utf16_units_nor_graphemes(string text, int codePoints)
    {
        Assert.Equal(codePoints, new CodePointText(text).Length);
        Assert.Equal(codePoints, CodePointText.CountCodePoints(text));
    }

    [Fact]
    public void a_joined_emoji_is_five_utf16_units_and_three_code_points()
    {
        var text = new CodePointText(Scientist);

        Assert.Equal((5, 3), (text.Text.Length, text.Length));
        Assert.Equal(text.Length, Scientist.EnumerateRunes().Count());
    }

    [Fact]
    public void a_lone_surrogate_counts_as_one_code_point()
    {
        var text = new CodePointText("a\uD83Cb");

        Assert.Equal(3, text.Length);
        Assert.Equal("\uD83C", text.Slice(1, 2));
    }

    [Fact]
    public void a_lone_high_surrogate_before_a_pair_is_one_code_point_and_the_pair_another()
    {
        var text = new CodePointText("\uD83C" + Party + "x");

        Assert.Equal(3, text.Length);
        Assert.Equal([0, 1, 3, 4], Enumerable.Range(0, 4).Select(text.ToUtf16));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    public void to_utf16_maps_each_code_point_after_an_emoji_one_unit_further(int codePoint, int utf16) =>
        Assert.Equal(utf16, new CodePointText("a" + Party + "b").ToUtf16(codePoint));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    public void to_code_point_maps_back_and_an_index_inside_a_pair_to_its_pair(int utf16, int codePoint) =>
        Assert.Equal(codePoint, new CodePointText("a" + Party + "b").ToCodePoint(utf16));

    [Fact]
    public void the_two_conversions_are_inverse_at_every_code_point_boundary()
    {
        var text = new CodePointText($"{Scientist} saw {Party}{Party} cafe\u0301");

        for (var codePoint = 0; codePoint <= text.Length; codePoint++)
        {
            Assert.Equal(codePoint, text.ToCodePoint(text.ToUtf16(codePoint)));
        }
    }

    [Fact]
    public void the_end_of_the_text_maps_to_the_end_both_ways()
    {
        var text = new CodePointText("x" + Scientist);

        Assert.Equal(text.Text.Length, text.ToUtf16(text.Length));
        Assert.Equal(text.Length, text.ToCodePoint(text.Text.Length));
    }

    [Fact]
    public void the_end_of_a_text_ending_in_a_pair_and_the_index_inside_that_pair_map_apart()
    {
        var text = new CodePointText("ab" + Party);

        Assert.Equal((2, 2, 3), (text.ToCodePoint(2), text.ToCodePoint(3), text.ToCodePoint(4)));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a" + Party)]
    public void positions_outside_the_text_are_refused(string raw)
    {
        var text = new CodePointText(raw);

        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToUtf16(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToUtf16(text.Length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToCodePoint(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.ToCodePoint(text.Text.Length + 1));
    }

    [Theory]
    [InlineData(0, 3, Scientist)]
    [InlineData(0, 1, "\U0001F469")]
    [InlineData(1, 2, "\u200D")]
    [InlineData(3, 8, " saw ")]
    [InlineData(8, 13, "cafe\u0301")]
    [InlineData(11, 13, "e\u0301")]
    [InlineData(8, 12, "cafe")]
    [InlineData(12, 13, "\u0301")]
    [InlineData(13, 14, "s")]
    [InlineData(0, 14, Scientist + " saw cafe\u0301s")]
    public void slice_cuts_by_code_points_through_emoji_and_combining_marks(int start, int end, string expected) =>
        Assert.Equal(expected, new CodePointText(Scientist + " saw cafe\u0301s").Slice(start, end));

    [Fact]
    public void slice_of_an_empty_span_is_empty() => Assert.Equal("", new CodePointText(Party + "x").Slice(1, 1));

    [Fact]
    public void find_all_gives_every_occurrence_in_order()
    {
        var text = new CodePointText("hope, fear, hope, hope");

        Assert.Equal([(0, 4), (12, 16), (18, 22)], text.FindAll("hope"));
    }

    [Fact]
    public void finding_stops_at_the_limit()
    {
        var text = new CodePointText("hope, more hope, hope");

        Assert.Equal([(0, 4), (11, 15)], text.FindAll("hope", limit: 2));
    }

    [Fact]
    public void find_all_includes_overlapping_occurrences() =>
        Assert.Equal([(0, 2), (1, 3)], new CodePointText("aaa").FindAll("aa"));

    [Fact]
    public void find_all_after_an_emoji_answers_code_point_offsets_not_utf16_ones()
    {
        var text = new CodePointText($"{Party} party {Party} party");

        Assert.Equal([(3, 8), (12, 17)], [.. AllUtf16(text.Text, "party")]);
        Assert.Equal([(2, 7), (10, 15)], text.FindAll("party"));
    }

    [Fact]
    public void find_all_of_overlapping_occurrences_after_an_emoji_is_in_code_points() =>
        Assert.Equal([(1, 3), (2, 4)], new CodePointText(Party + "aaa").FindAll("aa"));

    [Fact]
    public void find_all_finds_an_emoji_as_one_code_point() =>
        Assert.Equal([(0, 1), (8, 9)], new CodePointText($"{Party} party {Party} party").FindAll(Party));

    [Fact]
    public void find_all_finds_a_joined_emoji_as_its_three_code_points() =>
        Assert.Equal([(4, 7)], new CodePointText($"Dr. {Scientist}!").FindAll(Scientist));

    [Fact]
    public void find_all_is_ordinal_and_case_sensitive()
    {
        var text = new CodePointText("Hope and hope");

        Assert.Equal([(9, 13)], text.FindAll("hope"));
        Assert.Empty(text.FindAll("HOPE"));
    }

    [Fact]
    public void find_all_does_not_match_a_precomposed_letter_to_a_decomposed_one()
    {
        var text = new CodePointText("cafe\u0301 or caf\u00e9");

        Assert.Equal([(9, 13)], text.FindAll("caf\u00e9"));
        Assert.Equal([(0, 5)], text.FindAll("cafe\u0301"));
    }

    [Fact]
    public void find_all_of_an_empty_quote_finds_nothing() => Assert.Empty(new CodePointText("anything").FindAll(""));

    [Fact]
    public void find_all_of_an_absent_quote_finds_nothing() => Assert.Empty(new CodePointText(Party + " party").FindAll("feast"));

    [Theory]
    [InlineData(0, 1, true)]
    [InlineData(0, 4, true)]
    [InlineData(3, 4, true)]
    [InlineData(-1, 2, false)]
    [InlineData(2, 2, false)]
    [InlineData(3, 2, false)]
    [InlineData(0, 5, false)]
    [InlineData(4, 5, false)]
    public void is_span_needs_zero_at_most_start_before_end_at_most_the_length_in_code_points(int start, int end, bool isSpan) =>
        Assert.Equal(isSpan, new CodePointText("a" + Party + "bc").IsSpan(start, end));

    [Fact]
    public void is_span_of_an_empty_text_is_always_false() => Assert.False(new CodePointText("").IsSpan(0, 0));

    [Fact]
    public void text_without_surrogates_maps_every_index_to_itself()
    {
        var text = new CodePointText("cafe\u0301 \u00e9t\u00e9");

        Assert.Equal(text.Text.Length, text.Length);
        for (var i = 0; i <= text.Length; i++)
        {
            Assert.Equal((i, i), (text.ToUtf16(i), text.ToCodePoint(i)));
        }
    }

    [Fact]
    public void the_fast_path_and_the_offset_table_agree_where_the_texts_agree()
    {
        const string prefix = "We were tired, hope kept us going; hope!";
        var fast = new CodePointText(prefix);
        var table = new CodePointText(prefix + Party);

        Assert.Equal(fast.Length + 1, table.Length);
        for (var i = 0; i <= fast.Length; i++)
        {
            Assert.Equal(fast.ToUtf16(i), table.ToUtf16(i));
            Assert.Equal(fast.ToCodePoint(i), table.ToCodePoint(i));
            Assert.Equal(fast.Slice(0, i), table.Slice(0, i));
        }

        Assert.Equal(fast.FindAll("hope"), table.FindAll("hope"));
    }

    private static IEnumerable<(int, int)> AllUtf16(string text, string quote)
    {
        for (var at = text.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            yield return (at, at + quote.Length);
        }
    }
}
