using QualCoder.Server.Features.Coding;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Coding;

public class UncodedRangesTests
{
    private static UncodedReport Of(int length, params (int Start, int End)[] spans) => UncodedRanges.Of(InterviewId, length, spans);

    [Fact]
    public void a_source_without_codings_is_one_uncoded_range() =>
        Assert.Equal(new UncodedReport(InterviewId, 74, 0, 100, [new UncodedRange(0, 74, 74)]), Of(74), new ReportComparer());

    [Fact]
    public void one_coding_in_the_middle_leaves_a_range_on_each_side()
    {
        var report = Of(10, (3, 7));

        Assert.Equal([new UncodedRange(0, 3, 3), new UncodedRange(7, 10, 3)], report.Ranges);
        Assert.Equal((10, 4, 60.0), (report.TotalLength, report.CodedLength, report.UncodedPercentage));
    }

    [Fact]
    public void overlapping_codings_are_unioned()
    {
        var report = Of(10, (2, 6), (4, 8));

        Assert.Equal([new UncodedRange(0, 2, 2), new UncodedRange(8, 10, 2)], report.Ranges);
        Assert.Equal((6, 40.0), (report.CodedLength, report.UncodedPercentage));
    }

    [Fact]
    public void nested_codings_count_once()
    {
        var report = Of(10, (1, 9), (3, 4), (5, 9));

        Assert.Equal([new UncodedRange(0, 1, 1), new UncodedRange(9, 10, 1)], report.Ranges);
        Assert.Equal((8, 20.0), (report.CodedLength, report.UncodedPercentage));
    }

    [Fact]
    public void the_same_span_coded_twice_counts_once() => Assert.Equal(3, Of(10, (2, 5), (2, 5)).CodedLength);

    [Fact]
    public void the_order_of_the_codings_does_not_matter()
    {
        var inOrder = Of(20, (1, 3), (5, 9), (8, 12), (15, 16));
        var shuffled = Of(20, (15, 16), (8, 12), (1, 3), (5, 9));

        Assert.Equal(inOrder.Ranges, shuffled.Ranges);
        Assert.Equal((inOrder.CodedLength, inOrder.UncodedPercentage), (shuffled.CodedLength, shuffled.UncodedPercentage));
        Assert.Equal([new UncodedRange(0, 1, 1), new UncodedRange(3, 5, 2), new UncodedRange(12, 15, 3), new UncodedRange(16, 20, 4)], shuffled.Ranges);
    }

    [Fact]
    public void adjacent_codings_leave_no_gap_between_them() =>
        Assert.Equal([new UncodedRange(0, 2, 2), new UncodedRange(9, 10, 1)], Of(10, (2, 5), (5, 9)).Ranges);

    [Fact]
    public void codings_touching_both_ends_leave_only_the_middle()
    {
        var report = Of(10, (0, 3), (7, 10));

        Assert.Equal([new UncodedRange(3, 7, 4)], report.Ranges);
        Assert.Equal((6, 40.0), (report.CodedLength, report.UncodedPercentage));
    }

    [Fact]
    public void a_coding_of_the_whole_source_leaves_nothing_uncoded()
    {
        var report = Of(74, (0, 74), (17, 21));

        Assert.Empty(report.Ranges);
        Assert.Equal((74, 0.0), (report.CodedLength, report.UncodedPercentage));
    }

    [Theory]
    [InlineData(3, 1, 66.67)]
    [InlineData(3, 2, 33.33)]
    [InlineData(6, 1, 83.33)]
    [InlineData(7, 1, 85.71)]
    [InlineData(8, 1, 87.5)]
    [InlineData(1000, 999, 0.1)]
    [InlineData(100000, 99999, 0)]
    public void the_uncoded_percentage_is_rounded_to_two_decimals(int length, int coded, double percentage) =>
        Assert.Equal(percentage, Of(length, (0, coded)).UncodedPercentage);

    [Fact]
    public void a_source_of_length_zero_has_no_ranges_and_nothing_uncoded() =>
        Assert.Equal(new UncodedReport(InterviewId, 0, 0, 0, []), Of(0), new ReportComparer());

    [Fact]
    public void the_report_names_its_source() => Assert.Equal(InterviewId, Of(5).SourceId);

    /// <summary>Records compare their lists by reference; this compares them by content.</summary>
    private sealed class ReportComparer : IEqualityComparer<UncodedReport>
    {
        public bool Equals(UncodedReport? x, UncodedReport? y) =>
            x is not null && y is not null
            && (x.SourceId, x.TotalLength, x.CodedLength, x.UncodedPercentage) == (y.SourceId, y.TotalLength, y.CodedLength, y.UncodedPercentage)
            && x.Ranges.SequenceEqual(y.Ranges);

        public int GetHashCode(UncodedReport obj) => obj.SourceId.GetHashCode();
    }
}
