using System.Net;
using System.Text.Json.Nodes;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Coding;

public sealed class CodingBatchTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task valid_items_land_and_each_failure_is_reported_by_index()
    {
        var s = await CodingScenario.Arrange(this);

        var reply = (await s.Coder.Post($"{s.Segments}/batch", new
        {
            items = new object[]
            {
                s.At(0, 6),
                s.At(3, 9),
                s.At(0, 1000),
                new { sourceId = s.SourceId, codeId = s.CodeId, quote = "calm" },
                new { sourceId = s.SourceId, codeId = Guid.NewGuid(), start = 0, end = 2 },
            },
        })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(5, reply["total"].GetValue<int>());
        Assert.Equal(2, reply["succeeded"].GetValue<int>());
        Assert.False(reply["allSucceeded"].GetValue<bool>());
        var codes = reply["results"].AsArray().Select(r => r!["errorCode"]?.GetValue<string>()).ToList();
        Assert.Equal([null, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", "SEGMENT_NOT_CODED/INVALID_POSITION", null, "SEGMENT_NOT_CODED/CODE_NOT_FOUND"], codes);
        var landed = (await s.Coder.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/segments")).Json!.AsArray();
        Assert.Equal(["I felt", "calm"], landed.Select(x => x!["quote"]!.GetValue<string>()));
    }

    [Fact]
    public async Task an_empty_batch_and_one_over_ten_thousand_are_refused()
    {
        var s = await CodingScenario.Arrange(this);

        (await s.Coder.Post($"{s.Segments}/batch", new { items = Array.Empty<object>() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "BATCH_APPLY_CODES/EMPTY_BATCH");
        var tooMany = Enumerable.Range(0, 10_001).Select(i => s.At(0, 1)).ToArray();
        (await s.Coder.Post($"{s.Segments}/batch", new { items = tooMany })).ShouldBe(HttpStatusCode.UnprocessableEntity, "BATCH_APPLY_CODES/TOO_MANY");
    }

    [Fact]
    public async Task ten_thousand_codings_across_sources_land_in_one_request()
    {
        var s = await CodingScenario.Arrange(this);
        var text = string.Concat(Enumerable.Repeat("word ", 5_000));
        var first = await s.Seed.Source(text, "Long one");
        var second = await s.Seed.Source(text, "Long two");
        var items = Enumerable.Range(0, 10_000)
            .Select(i => (object)new { sourceId = i % 2 == 0 ? first : second, codeId = s.CodeId, start = i / 2 * 5, end = (i / 2 * 5) + 4 })
            .ToArray();

        var reply = (await s.Coder.Post($"{s.Segments}/batch", new { items })).ShouldBe(HttpStatusCode.OK);

        Assert.True(reply["allSucceeded"].GetValue<bool>(), reply.Text[..Math.Min(500, reply.Text.Length)]);
        var counts = (await s.Coder.Get($"/api/projects/{s.ProjectId}/coding/counts")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(10_000, counts["total"].GetValue<int>());
        Assert.All(counts["perSource"].AsArray(), c => Assert.Equal(5_000, c!["count"]!.GetValue<int>()));
    }
}
