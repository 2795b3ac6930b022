using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Coding;

public class SegmentAnchorTests
{
    private const string Prefix = "SEGMENT_NOT_CODED";
    private static readonly CodePointText Text = new(InterviewText);

    private static (DomainError? Error, (int Start, int End) Span) Resolve(
        int? start = null, int? end = null, string? quote = null, int? occurrence = null, string prefix = Prefix, CodePointText? text = null)
    {
        var error = new SegmentAnchor(start, end, quote, occurrence).Resolve(text ?? Text, prefix, out var span);
        return (error, span);
    }

    private static void Resolves((DomainError? Error, (int Start, int End) Span) resolved, int start, int end)
    {
        Assert.Null(resolved.Error);
        Assert.Equal((start, end), resolved.Span);
    }

    private static DomainError Fails((DomainError? Error, (int Start, int End) Span) resolved, string code)
    {
        var error = Assert.IsType<DomainError>(resolved.Error);
        Assert.Equal((code, ErrorKind.Invalid), (error.Code, error.Kind));
        Assert.Equal(default, resolved.Span);
        return error;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(17, 21)]
    [InlineData(0, 74)]
    [InlineData(73, 74)]
    public void valid_offsets_are_the_span(int start, int end) => Resolves(Resolve(start, end), start, end);

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(5, 5)]
    [InlineData(0, 75)]
    [InlineData(9, 4)]
    [InlineData(74, 75)]
    public void offsets_outside_the_text_or_not_in_order_are_an_invalid_position(int start, int end)
    {
        var error = Fails(Resolve(start, end), "SEGMENT_NOT_CODED/INVALID_POSITION");

        Assert.Contains("74", error.Message);
    }

    [Fact]
    public void the_length_that_bounds_the_offsets_is_in_code_points_not_utf16_units()
    {
        Assert.Equal(75, InterviewText.Length);
        Fails(Resolve(0, InterviewText.Length), "SEGMENT_NOT_CODED/INVALID_POSITION");
    }

    [Fact]
    public void the_error_code_carries_the_given_prefix() =>
        Fails(Resolve(3, 3, prefix: "SEGMENT_NOT_RESIZED"), "SEGMENT_NOT_RESIZED/INVALID_POSITION");

    [Fact]
    public void a_quote_found_once_is_its_span() => Resolves(Resolve(quote: "fear"), 41, 45);

    [Fact]
    public void a_quote_found_once_may_also_be_named_as_occurrence_one() => Resolves(Resolve(quote: "fear", occurrence: 1), 41, 45);

    [Fact]
    public void a_quote_after_an_emoji_is_found_at_code_point_offsets()
    {
        Assert.Equal(18, InterviewText.IndexOf("Hope ", StringComparison.Ordinal));
        Resolves(Resolve(quote: "Hope kept"), 17, 26);
    }

    [Fact]
    public void a_quote_of_the_emoji_itself_is_one_code_point() => Resolves(Resolve(quote: "\U0001F389 We"), 0, 4);

    [Fact]
    public void a_quote_found_several_times_without_occurrence_is_ambiguous()
    {
        var error = Fails(Resolve(quote: "Hope"), "SEGMENT_NOT_CODED/QUOTE_AMBIGUOUS");

        Assert.Contains("2 times", error.Message);
    }

    [Theory]
    [InlineData(1, 17, 21)]
    [InlineData(2, 63, 67)]
    public void the_occurrence_picks_one_of_several_counting_from_one(int occurrence, int start, int end) =>
        Resolves(Resolve(quote: "Hope", occurrence: occurrence), start, end);

    [Theory]
    [InlineData(1, 0, 2)]
    [InlineData(2, 1, 3)]
    [InlineData(3, 2, 4)]
    public void overlapping_occurrences_are_counted_each(int occurrence, int start, int end) =>
        Resolves(Resolve(quote: "aa", occurrence: occurrence, text: new CodePointText("aaaa")), start, end);

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void an_occurrence_that_does_not_exist_is_not_found(int occurrence) =>
        Fails(Resolve(quote: "Hope", occurrence: occurrence), "SEGMENT_NOT_CODED/QUOTE_NOT_FOUND");

    [Fact]
    public void a_second_occurrence_of_a_quote_found_once_is_not_found() =>
        Fails(Resolve(quote: "fear", occurrence: 2), "SEGMENT_NOT_CODED/QUOTE_NOT_FOUND");

    [Fact]
    public void a_quote_that_does_not_occur_is_not_found() => Fails(Resolve(quote: "despair"), "SEGMENT_NOT_CODED/QUOTE_NOT_FOUND");

    [Fact]
    public void the_quote_is_matched_case_sensitively() => Fails(Resolve(quote: "FEAR"), "SEGMENT_NOT_CODED/QUOTE_NOT_FOUND");

    [Fact]
    public void neither_offsets_nor_a_quote_is_a_missing_parameter() => Fails(Resolve(), "SEGMENT_NOT_CODED/MISSING_PARAM");

    [Fact]
    public void an_empty_quote_is_a_missing_parameter() => Fails(Resolve(quote: ""), "SEGMENT_NOT_CODED/MISSING_PARAM");

    [Theory]
    [InlineData(3, null)]
    [InlineData(null, 7)]
    public void a_start_without_an_end_or_the_reverse_is_a_missing_parameter(int? start, int? end) =>
        Fails(Resolve(start, end), "SEGMENT_NOT_CODED/MISSING_PARAM");

    [Fact]
    public void a_start_alone_with_a_quote_is_a_missing_parameter() => Fails(Resolve(start: 3, quote: "fear"), "SEGMENT_NOT_CODED/MISSING_PARAM");

    [Fact]
    public void a_quote_given_with_offsets_verifies_them() => Resolves(Resolve(41, 45, quote: "fear"), 41, 45);

    [Fact]
    public void offsets_that_do_not_hold_the_quote_are_refused() => Fails(Resolve(17, 21, quote: "fear"), "SEGMENT_NOT_CODED/QUOTE_MISMATCH");
}
