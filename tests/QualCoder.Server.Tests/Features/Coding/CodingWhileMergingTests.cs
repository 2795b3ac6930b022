using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Coding;

/// <summary>A code merged or deleted while people are coding with it leaves no coding behind with a code that is gone.</summary>
public sealed class CodingWhileMergingTests(QualCoderApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("merge")]
    [InlineData("delete")]
    public async Task codings_racing_a_merge_or_delete_end_with_a_code_that_exists(string change)
    {
        var s = await CodingScenario.Arrange(this);
        var into = await s.Seed.Code("Calm");
        var sources = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => s.Seed.Source("Fresh words to code here.", $"Fresh {i}")));

        var codings = sources.Select(async (source, i) =>
        {
            await Task.Delay(i % 6);
            return await s.Coder.Post(s.Segments, new { sourceId = source, codeId = s.CodeId, start = 0, end = 5 });
        }).ToList();
        var changing = change == "merge"
            ? s.Owner.Post($"/api/projects/{s.ProjectId}/codes/{s.CodeId}/merge", new { intoCodeId = into })
            : s.Owner.Delete($"/api/projects/{s.ProjectId}/codes/{s.CodeId}?deleteCodings=true");
        var replies = await Task.WhenAll(codings);

        Assert.True((await changing).Status is HttpStatusCode.OK or HttpStatusCode.NoContent, (await changing).Text);
        Assert.All(replies, r => Assert.True(
            r.Status == HttpStatusCode.Created || r.Code == "SEGMENT_NOT_CODED/CODE_NOT_FOUND", r.Text));
        var counts = (await s.Owner.Get($"/api/projects/{s.ProjectId}/coding/counts")).ShouldBe(HttpStatusCode.OK);
        var perCode = counts["perCode"].AsArray().ToDictionary(c => c!["id"]!.GetValue<Guid>(), c => c!["count"]!.GetValue<int>());
        Assert.DoesNotContain(s.CodeId, perCode.Keys);
        var landed = replies.Count(r => r.Status == HttpStatusCode.Created);
        Assert.Equal(change == "merge" ? landed : 0, perCode.GetValueOrDefault(into));
    }
}
