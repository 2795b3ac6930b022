using QualCoder.Server.Features.Coding;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Coding;

public class SegmentFoldingTests
{
    private static readonly Guid Id = SegmentNo(1);

    [Fact]
    public void coding_makes_the_actor_the_coder_and_records_the_span_and_quote()
    {
        var segment = Segment.Create(new SegmentCoded(ProjectId, InterviewId, Id, HopeCode, 17, 21, "Hope", "A memo", 1, Coder, Earlier));

        Assert.Equal(new Segment(Id, ProjectId, InterviewId, HopeCode, Coder.AccountId, 17, 21, "Hope", "A memo", 1, Earlier, Earlier), segment);
    }

    [Theory]
    [InlineData(0, 17, false)]
    [InlineData(21, 30, false)]
    [InlineData(0, 18, true)]
    [InlineData(20, 30, true)]
    [InlineData(18, 19, true)]
    [InlineData(0, 74, true)]
    public void a_segment_overlaps_a_span_sharing_a_code_point_with_it(int start, int end, bool overlaps) =>
        Assert.Equal(overlaps, CodingOf(Id, Coder, HopeCode, 17, 21).Overlaps(start, end));
}
