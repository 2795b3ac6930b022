using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Features.Sources.ReadSourceText;

namespace QualCoder.Server.Tests.Features.Sources;

public class ReadSourceTextRangeTests
{
    private static (string? Code, int End) Check(int? start, int? end, int length)
    {
        var error = CheckRange(WindowOf(start, end), length, out var pageEnd);
        return (error?.Code, pageEnd);
    }

    [Fact]
    public void without_a_range_the_first_full_page_is_read() => Assert.Equal((null, 50_000), Check(null, null, 120_000));

    [Fact]
    public void a_short_text_is_read_whole() => Assert.Equal((null, 42), Check(null, null, 42));

    [Fact]
    public void a_page_is_never_longer_than_50000_code_points() => Assert.Equal((null, 60_000), Check(10_000, 100_000, 120_000));

    [Fact]
    public void the_end_is_clamped_to_the_length() => Assert.Equal((null, 42), Check(40, 1_000, 42));

    [Fact]
    public void reading_at_the_very_end_gives_an_empty_page() => Assert.Equal((null, 42), Check(42, null, 42));

    [Fact]
    public void an_empty_range_is_allowed() => Assert.Equal((null, 10), Check(10, 10, 42));

    [Theory]
    [InlineData(43, null)]
    [InlineData(-1, null)]
    [InlineData(10, 9)]
    [InlineData(int.MaxValue, null)]
    [InlineData(int.MinValue, 5)]
    public void a_range_outside_the_text_is_refused(int start, int? end) =>
        Assert.Equal("SOURCE_TEXT/INVALID_RANGE", Check(start, end, 42).Code);

    [Theory]
    [InlineData(null, null, 1, 50_000)]
    [InlineData(100, 250, 101, 150)]
    [InlineData(-5, null, 1, 50_000)]
    [InlineData(10, 5, 11, 0)]
    [InlineData(int.MaxValue, null, int.MaxValue, 50_000)]
    public void the_database_is_asked_for_the_same_window_one_based(int? start, int? end, int from, int count) =>
        Assert.Equal((from, count), WindowOf(start, end).AsSubstr());
}
