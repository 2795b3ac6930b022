using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Coding;

public sealed class InVivoAndQueryTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task in_vivo_names_a_new_code_after_the_words_and_reuses_it_next_time()
    {
        var s = await CodingScenario.Arrange(this);
        var editor = await SignedIn("Editor");
        await s.Owner.AddMember(s.ProjectId, editor, "editor");

        var first = (await editor.Post($"{s.Segments}/in-vivo", new { sourceId = s.SourceId, quote = "I felt", occurrence = 1 })).ShouldBe(HttpStatusCode.Created);
        var again = (await s.Coder.Post($"{s.Segments}/in-vivo", new { sourceId = s.SourceId, quote = "I felt", occurrence = 2 })).ShouldBe(HttpStatusCode.Created);

        Assert.True(first["codeCreated"].GetValue<bool>());
        Assert.Equal("I felt", first["code"]["name"]!.GetValue<string>());
        Assert.False(again["codeCreated"].GetValue<bool>());
        Assert.Equal(first["code"]["id"]!.GetValue<Guid>(), again["segment"]["codeId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task in_vivo_with_an_existing_code_keeps_the_overlap_rule()
    {
        var s = await CodingScenario.Arrange(this);
        var editor = await SignedIn("Editor");
        await s.Owner.AddMember(s.ProjectId, editor, "editor");
        (await editor.Post($"{s.Segments}/in-vivo", new { sourceId = s.SourceId, start = 0, end = 6 })).ShouldBe(HttpStatusCode.Created);

        (await editor.Post($"{s.Segments}/in-vivo", new { sourceId = s.SourceId, start = 0, end = 6 }))
            .ShouldBe(HttpStatusCode.Conflict, "IN_VIVO_NOT_CODED/OVERLAPPING_SEGMENT");
        Assert.Single((await editor.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/segments")).Json!.AsArray());
    }

    [Fact]
    public async Task a_coder_cannot_create_a_code_by_in_vivo()
    {
        var s = await CodingScenario.Arrange(this);

        (await s.Coder.Post($"{s.Segments}/in-vivo", new { sourceId = s.SourceId, start = 30, end = 40 })).ShouldBe(HttpStatusCode.Forbidden, "IN_VIVO_NOT_CODED/FORBIDDEN");
    }

    [Fact]
    public async Task a_codes_codings_across_sources_come_with_quotes_and_source_names()
    {
        var s = await CodingScenario.Arrange(this);
        var second = await s.Seed.Source("Calm again, calm.", "Diary");
        (await s.Coder.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, new { sourceId = second, codeId = s.CodeId, start = 0, end = 4 })).ShouldBe(HttpStatusCode.Created);

        var list = (await s.Viewer.Get($"/api/projects/{s.ProjectId}/codes/{s.CodeId}/segments")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();

        Assert.Equal(["Diary", "Interview"], list.Select(x => x!["sourceName"]!.GetValue<string>()));
        Assert.Equal(["Calm", "I felt"], list.Select(x => x!["segment"]!["quote"]!.GetValue<string>()));
        (await s.Viewer.Get($"/api/projects/{s.ProjectId}/codes/{Guid.NewGuid()}/segments")).ShouldBe(HttpStatusCode.NotFound, "SEGMENTS/CODE_NOT_FOUND");
    }

    [Fact]
    public async Task uncoded_ranges_are_the_gaps_between_all_codings_or_one_coders()
    {
        var s = await CodingScenario.Arrange(this);
        var calm = await s.Seed.Code("Calm");
        (await s.Coder.Post(s.Segments, s.At(0, 10))).ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, s.At(5, 20, calm))).ShouldBe(HttpStatusCode.Created);
        (await s.Owner.Post(s.Segments, s.At(30, 40))).ShouldBe(HttpStatusCode.Created);
        var length = (await s.Viewer.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/uncoded")).ShouldBe(HttpStatusCode.OK)["totalLength"].GetValue<int>();

        var all = (await s.Viewer.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/uncoded")).ShouldBe(HttpStatusCode.OK);
        var coders = (await s.Viewer.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/uncoded?coderId={s.Coder.AccountId}")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal([(20, 30), (40, length)], all["ranges"].AsArray().Select(r => (r!["start"]!.GetValue<int>(), r["end"]!.GetValue<int>())));
        Assert.Equal(30, all["codedLength"].GetValue<int>());
        Assert.Equal([(20, length)], coders["ranges"].AsArray().Select(r => (r!["start"]!.GetValue<int>(), r["end"]!.GetValue<int>())));
    }

    [Fact]
    public async Task counts_are_per_code_and_per_source()
    {
        var s = await CodingScenario.Arrange(this);
        var calm = await s.Seed.Code("Calm");
        var diary = await s.Seed.Source("Calm again, calm.", "Diary");
        (await s.Coder.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, s.At(0, 6, calm))).ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, new { sourceId = diary, codeId = calm, start = 0, end = 4 })).ShouldBe(HttpStatusCode.Created);

        var counts = (await s.Viewer.Get($"/api/projects/{s.ProjectId}/coding/counts")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(3, counts["total"].GetValue<int>());
        var perCode = counts["perCode"].AsArray().ToDictionary(c => c!["id"]!.GetValue<Guid>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<Guid, int> { [s.CodeId] = 1, [calm] = 2 }, perCode);
        var perSource = counts["perSource"].AsArray().ToDictionary(c => c!["id"]!.GetValue<Guid>(), c => c!["count"]!.GetValue<int>());
        Assert.Equal(new Dictionary<Guid, int> { [s.SourceId] = 2, [diary] = 1 }, perSource);
    }
}
