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

    [Fact]
    public void changing_the_memo_changes_only_the_memo_and_the_update_time() =>
        Assert.Equal(
            CodingOf(Id, Coder, HopeCode, 17, 21) with { Memo = "Said twice.", UpdatedAt = Now },
            CodingOf(Id, Coder, HopeCode, 17, 21, new SegmentMemoChanged(ProjectId, InterviewId, Id, "Said twice.", Editor, Now)));

    [Fact]
    public void setting_the_importance_changes_only_the_importance_and_the_update_time() =>
        Assert.Equal(
            CodingOf(Id, Coder, HopeCode, 17, 21) with { Importance = 2, UpdatedAt = Now },
            CodingOf(Id, Coder, HopeCode, 17, 21, new SegmentImportanceSet(ProjectId, InterviewId, Id, 2, Coder, Now)));

    [Fact]
    public void resizing_moves_the_span_and_the_quote_and_keeps_the_coder() =>
        Assert.Equal(
            CodingOf(Id, Coder, HopeCode, 17, 21) with { Start = 17, End = 29, Quote = "Hope kept us", UpdatedAt = Now },
            CodingOf(Id, Coder, HopeCode, 17, 21, new SegmentResized(ProjectId, InterviewId, Id, 17, 29, "Hope kept us", Editor, Now)));

    [Fact]
    public void recoding_changes_only_the_code_and_the_update_time() =>
        Assert.Equal(
            CodingOf(Id, Coder, HopeCode, 17, 21) with { CodeId = FearCode, UpdatedAt = Now },
            CodingOf(Id, Coder, HopeCode, 17, 21, new SegmentRecoded(ProjectId, InterviewId, Id, FearCode, Editor, Now)));

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
