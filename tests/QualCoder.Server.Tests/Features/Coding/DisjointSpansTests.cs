using QualCoder.Server.Features.Coding;

namespace QualCoder.Server.Tests.Features.Coding;

public class DisjointSpansTests
{
    private static DisjointSpans With(params (int Start, int End)[] spans)
    {
        var disjoint = new DisjointSpans();
        foreach (var (start, end) in spans)
        {
            disjoint.Add(start, end);
        }

        return disjoint;
    }

    [Fact]
    public void nothing_overlaps_an_empty_set() => Assert.False(new DisjointSpans().Overlaps(0, 100));

    [Fact]
    public void a_span_ending_where_another_starts_does_not_overlap_it() => Assert.False(With((0, 5)).Overlaps(5, 9));

    [Fact]
    public void a_span_starting_where_another_ends_does_not_overlap_it() => Assert.False(With((5, 9)).Overlaps(0, 5));

    [Fact]
    public void a_span_filling_the_gap_between_two_others_exactly_overlaps_neither() => Assert.False(With((0, 5), (10, 15)).Overlaps(5, 10));

    [Fact]
    public void the_identical_span_overlaps() => Assert.True(With((3, 7)).Overlaps(3, 7));

    [Fact]
    public void a_span_inside_another_overlaps_it() => Assert.True(With((2, 8)).Overlaps(3, 4));

    [Fact]
    public void a_span_containing_another_overlaps_it() => Assert.True(With((3, 4)).Overlaps(0, 10));

    [Theory]
    [InlineData(0, 4)]
    [InlineData(6, 12)]
    [InlineData(4, 11)]
    [InlineData(9, 10)]
    [InlineData(14, 16)]
    public void a_span_sharing_one_code_point_overlaps(int start, int end) => Assert.True(With((3, 5), (9, 10), (15, 20)).Overlaps(start, end));

    [Theory]
    [InlineData(0, 3)]
    [InlineData(5, 9)]
    [InlineData(10, 15)]
    [InlineData(20, 30)]
    [InlineData(6, 8)]
    public void a_span_in_a_gap_does_not_overlap(int start, int end) => Assert.False(With((3, 5), (9, 10), (15, 20)).Overlaps(start, end));

    [Fact]
    public void the_order_of_adding_does_not_change_any_answer()
    {
        (int, int)[] spans = [(20, 30), (0, 5), (10, 15), (40, 41), (5, 10)];
        (int, int)[][] orders = [spans, [.. Enumerable.Reverse(spans)], [.. spans.OrderBy(s => s.Item1)], [spans[2], spans[4], spans[0], spans[3], spans[1]]];

        for (var start = 0; start < 45; start++)
        {
            for (var end = start + 1; end <= 45; end++)
            {
                var expected = spans.Any(s => s.Item1 < end && start < s.Item2);
                foreach (var order in orders)
                {
                    Assert.Equal(expected, With(order).Overlaps(start, end));
                }
            }
        }
    }
}
