using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Coding;

public sealed class ApplyCodingTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_coding_by_offsets_counts_code_points_and_returns_the_quote()
    {
        var s = await CodingScenario.Arrange(this);

        var reply = (await s.Coder.Post(s.Segments, s.At(7, 20))).ShouldBe(HttpStatusCode.Created);

        Assert.Equal("🎉 so relieved", reply.String("quote"));
        Assert.Equal(s.Coder.AccountId, reply.Guid("coderId"));
        Assert.Equal(0, reply["importance"].GetValue<int>());
    }

    [Fact]
    public async Task a_combining_character_is_its_own_code_point()
    {
        var s = await CodingScenario.Arrange(this);
        // The emoji before it is two UTF-16 units but one code point.
        var start = CodingScenario.Text.IndexOf("e\u0301cole", StringComparison.Ordinal) - 1;

        var reply = (await s.Coder.Post(s.Segments, new { sourceId = s.SourceId, codeId = s.CodeId, quote = "e\u0301cole" })).ShouldBe(HttpStatusCode.Created);

        Assert.Equal("e\u0301cole", reply.String("quote"));
        Assert.Equal(start, reply["start"].GetValue<int>());
        Assert.Equal(start + 6, reply["end"].GetValue<int>());
    }

    [Fact]
    public async Task a_quote_that_occurs_twice_needs_its_occurrence()
    {
        var s = await CodingScenario.Arrange(this);

        (await s.Coder.Post(s.Segments, new { sourceId = s.SourceId, codeId = s.CodeId, quote = "I felt" }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/QUOTE_AMBIGUOUS");
        var second = (await s.Coder.Post(s.Segments, new { sourceId = s.SourceId, codeId = s.CodeId, quote = "I felt", occurrence = 2 }))
            .ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, new { sourceId = s.SourceId, codeId = s.CodeId, quote = "I felt", occurrence = 3 }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/QUOTE_NOT_FOUND");
        (await s.Coder.Post(s.Segments, new { sourceId = s.SourceId, codeId = s.CodeId, quote = "angry" }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/QUOTE_NOT_FOUND");

        Assert.Equal(CodingScenario.Text.LastIndexOf("I felt", StringComparison.Ordinal) - 1, second["start"].GetValue<int>());
    }

    [Theory]
    [InlineData(-1, 3)]
    [InlineData(5, 5)]
    [InlineData(9, 4)]
    [InlineData(0, 1000)]
    public async Task positions_outside_the_text_are_refused(int start, int end)
    {
        var s = await CodingScenario.Arrange(this);

        (await s.Coder.Post(s.Segments, s.At(start, end))).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/INVALID_POSITION");
        Assert.Empty((await s.Coder.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/segments")).Json!.AsArray());
    }

    [Fact]
    public async Task the_same_code_may_not_overlap_itself_for_one_coder_but_may_for_two()
    {
        var s = await CodingScenario.Arrange(this);
        var other = await s.Seed.Code("Calm");
        (await s.Coder.Post(s.Segments, s.At(0, 10))).ShouldBe(HttpStatusCode.Created);

        (await s.Coder.Post(s.Segments, s.At(5, 15))).ShouldBe(HttpStatusCode.Conflict, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT");
        (await s.Coder.Post(s.Segments, s.At(10, 15))).ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, s.At(5, 15, other))).ShouldBe(HttpStatusCode.Created);
        (await s.Owner.Post(s.Segments, s.At(0, 10))).ShouldBe(HttpStatusCode.Created);

        var mine = (await s.Coder.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/segments?coderId={s.Coder.AccountId}")).Json!.AsArray();
        Assert.Equal(3, mine.Count);
        Assert.Equal(4, (await s.Coder.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/segments")).Json!.AsArray().Count);
    }

    [Fact]
    public async Task unknown_codes_and_sources_are_refused_and_so_are_other_projects_sources()
    {
        var s = await CodingScenario.Arrange(this);
        var stranger = await SignedIn("Stranger");
        var theirs = await stranger.CreateProject("Theirs");
        var theirSource = await new Seed(App, theirs, stranger.AccountId).Source("Secret words here");

        (await s.Coder.Post(s.Segments, s.At(0, 3, Guid.NewGuid()))).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/CODE_NOT_FOUND");
        (await s.Coder.Post(s.Segments, new { sourceId = Guid.NewGuid(), codeId = s.CodeId, start = 0, end = 3 }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/SOURCE_NOT_FOUND");
        (await s.Coder.Post(s.Segments, new { sourceId = theirSource, codeId = s.CodeId, start = 0, end = 3 }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/SOURCE_NOT_FOUND");
        (await s.Coder.Get($"/api/projects/{s.ProjectId}/sources/{theirSource}/segments")).ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_viewer_cannot_code()
    {
        var s = await CodingScenario.Arrange(this);

        (await s.Viewer.Post(s.Segments, s.At(0, 3))).ShouldBe(HttpStatusCode.Forbidden, "SEGMENT_NOT_CODED/FORBIDDEN");
    }

    [Fact]
    public async Task memo_and_importance_are_kept_and_bounded()
    {
        var s = await CodingScenario.Arrange(this);

        var coded = (await s.Coder.Post(s.Segments, new { sourceId = s.SourceId, codeId = s.CodeId, start = 0, end = 6, memo = " first ", importance = 2 }))
            .ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, new { sourceId = s.SourceId, codeId = s.CodeId, start = 10, end = 16, importance = 3 }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_CODED/INVALID_IMPORTANCE");

        Assert.Equal("first", coded.String("memo"));
        Assert.Equal(2, coded["importance"].GetValue<int>());
    }
}
