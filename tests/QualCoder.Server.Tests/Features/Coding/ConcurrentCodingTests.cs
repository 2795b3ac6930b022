using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Coding;

public sealed class ConcurrentCodingTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task fifty_simultaneous_codings_of_one_source_by_several_people_all_land_exactly_once()
    {
        var s = await CodingScenario.Arrange(this);
        var other = await SignedIn("Second");
        await s.Owner.AddMember(s.ProjectId, other, "coder");
        var text = string.Concat(Enumerable.Repeat("abcdefghij", 50));
        var source = await s.Seed.Source(text, "Shared");
        var people = new[] { s.Owner, s.Coder, other };

        var replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            people[i % 3].Post(s.Segments, new { sourceId = source, codeId = s.CodeId, start = i * 10, end = (i * 10) + 5 })));

        Assert.All(replies, r => r.ShouldBe(HttpStatusCode.Created));
        var segments = (await s.Owner.Get($"/api/projects/{s.ProjectId}/sources/{source}/segments")).Json!.AsArray();
        Assert.Equal(50, segments.Count);
        Assert.Equal(50, segments.Select(x => x!["start"]!.GetValue<int>()).Distinct().Count());
        Assert.Equal(replies.Select(r => r.Guid("id")).Order(), segments.Select(x => x!["id"]!.GetValue<Guid>()).Order());
    }

    [Fact]
    public async Task simultaneous_overlapping_codings_by_one_coder_let_exactly_one_through()
    {
        var s = await CodingScenario.Arrange(this);

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => s.Coder.Post(s.Segments, s.At(i, i + 20))));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBe(HttpStatusCode.Conflict, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT"));
    }
}
