using System.Net;
using System.Text.Json.Nodes;
using QualCoder.Server.Domain;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Search;

public sealed class SimilarContentTests(QualCoderApp app) : IntegrationTest(app)
{
    private const string Interview =
        "The interview took place at her kitchen table on a rainy afternoon.\n" +
        "She said that the waiting list for the clinic was the worst part of the whole year.\n" +
        "Her sister drove her to every appointment and never once complained about it.";

    private const string FieldNotes =
        "Field notes from the ward: the nurses spoke about staff shortages during every night shift.\n" +
        "One nurse described the waiting list as endless and said patients had simply given up hope.";

    private static string Search(Guid projectId, string text, Guid? codeId = null, int? limit = null) =>
        $"/api/projects/{projectId}/search?text={Uri.EscapeDataString(text)}" + (codeId is { } c ? $"&codeId={c}" : "") + (limit is { } l ? $"&limit={l}" : "");

    private static JsonArray Matches(Reply reply) => reply.ShouldBe(HttpStatusCode.OK)["matches"].AsArray();

    private async Task<(ApiClient Owner, Guid ProjectId)> ProjectWithSources()
    {
        var owner = await SignedIn("Owner");
        var projectId = await owner.CreateProject();
        await owner.AddSource(projectId, "Interview 1", Interview);
        await owner.AddSource(projectId, "Field notes", FieldNotes);
        return (owner, projectId);
    }

    [Fact]
    public async Task a_misspelled_word_finds_the_passage_spelled_right_with_its_code_point_position()
    {
        var (owner, projectId) = await ProjectWithSources();

        var found = await owner.Get(Search(projectId, "interveiw"));

        var match = Matches(found).Single()!;
        Assert.Equal("Interview 1", match["sourceName"]!.GetValue<string>());
        Assert.Equal("The interview took place at her kitchen table on a rainy afternoon.", match["text"]!.GetValue<string>());
        Assert.Equal(0, match["start"]!.GetValue<int>());
        Assert.Equal(67, match["end"]!.GetValue<int>());
        Assert.True(match["score"]!.GetValue<double>() > 0);
        Assert.Equal(1, found["matchCount"].GetValue<int>());
    }

    [Fact]
    public async Task a_misspelled_phrase_finds_the_passage_holding_it()
    {
        var (owner, projectId) = await ProjectWithSources();

        var matches = Matches(await owner.Get(Search(projectId, "kitchin tabel on a rainy afternon")));

        Assert.Equal(0, matches.Single()!["start"]!.GetValue<int>());
    }

    [Fact]
    public async Task words_find_passages_in_every_source_and_the_closer_match_comes_first()
    {
        var (owner, projectId) = await ProjectWithSources();

        var matches = Matches(await owner.Get(Search(projectId, "waiting list for the clinic")));

        Assert.Equal(2, matches.Count);
        Assert.Equal("She said that the waiting list for the clinic was the worst part of the whole year.", matches[0]!["text"]!.GetValue<string>());
        Assert.Equal("Field notes", matches[1]!["sourceName"]!.GetValue<string>());
        Assert.True(matches[0]!["score"]!.GetValue<double>() > matches[1]!["score"]!.GetValue<double>());
        var positions = new CodePointText(Interview);
        Assert.Equal(matches[0]!["text"]!.GetValue<string>(), positions.Slice(matches[0]!["start"]!.GetValue<int>(), matches[0]!["end"]!.GetValue<int>()));
    }

    [Fact]
    public async Task the_limit_keeps_the_best_matches()
    {
        var (owner, projectId) = await ProjectWithSources();

        var matches = Matches(await owner.Get(Search(projectId, "waiting list", limit: 1)));

        Assert.Single(matches);
    }

    [Fact]
    public async Task with_a_code_passages_already_inside_a_coding_of_it_are_left_out()
    {
        var owner = await SignedIn("Owner");
        var projectId = await owner.CreateProject();
        var seed = new Seed(App, projectId, owner.AccountId);
        var sourceId = await seed.Source(Interview);
        var waiting = await seed.Code("Waiting");
        var other = await seed.Code("Family");
        var sentence = new CodePointText(Interview).FindAll("She said that the waiting list for the clinic was the worst part of the whole year.").Single();
        (await owner.Post($"/api/projects/{projectId}/segments", new { sourceId, codeId = waiting, start = sentence.Start - 10, end = sentence.End }))
            .ShouldBe(HttpStatusCode.Created);
        (await owner.Post($"/api/projects/{projectId}/segments", new { sourceId, codeId = waiting, start = 0, end = 10 }))
            .ShouldBe(HttpStatusCode.Created);

        Assert.Empty(Matches(await owner.Get(Search(projectId, "waiting list", waiting))));
        Assert.Single(Matches(await owner.Get(Search(projectId, "waiting list", other))));
        Assert.Single(Matches(await owner.Get(Search(projectId, "interview", waiting))));
        (await owner.Get(Search(projectId, "waiting list", Guid.NewGuid()))).ShouldBe(HttpStatusCode.NotFound, "SEARCH/CODE_NOT_FOUND");
    }

    [Fact]
    public async Task a_deleted_source_takes_its_passages_with_it()
    {
        var (owner, projectId) = await ProjectWithSources();
        var sourceId = (await owner.Get($"/api/projects/{projectId}/sources")).Json!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Field notes")!["id"]!.GetValue<Guid>();

        (await owner.Delete($"/api/projects/{projectId}/sources/{sourceId}?confirm=true")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(["Interview 1"], Matches(await owner.Get(Search(projectId, "waiting list"))).Select(m => m!["sourceName"]!.GetValue<string>()));
        Assert.Equal(0L, await PassageRows.CountAsync(App, sourceId));
    }

    [Fact]
    public async Task sources_added_before_search_existed_get_their_passages_on_the_first_search()
    {
        var (owner, projectId) = await ProjectWithSources();
        await PassageRows.DeleteAllAsync(App);

        var matches = Matches(await owner.Get(Search(projectId, "waiting list")));

        Assert.Equal(2, matches.Count);
        Assert.Equal(Matches(await owner.Get(Search(projectId, "waiting list"))).ToJsonString(), matches.ToJsonString());
        Assert.Equal(5L, await PassageRows.CountAsync(App));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task an_empty_search_text_is_refused(string text)
    {
        var (owner, projectId) = await ProjectWithSources();

        (await owner.Get(Search(projectId, text))).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEARCH/EMPTY_TEXT");
        (await owner.Get($"/api/projects/{projectId}/search")).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEARCH/EMPTY_TEXT");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task a_limit_outside_1_to_100_is_refused(int limit)
    {
        var (owner, projectId) = await ProjectWithSources();

        (await owner.Get(Search(projectId, "clinic", limit: limit))).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEARCH/INVALID_LIMIT");
    }

    [Fact]
    public async Task someone_outside_the_project_learns_nothing()
    {
        var (_, projectId) = await ProjectWithSources();
        var outsider = await SignedIn("Outsider");

        (await outsider.Get(Search(projectId, "clinic"))).ShouldBe(HttpStatusCode.NotFound, "SEARCH/NOT_FOUND");
    }

    [Fact]
    public async Task text_that_matches_nothing_finds_nothing()
    {
        var (owner, projectId) = await ProjectWithSources();

        var found = await owner.Get(Search(projectId, "photosynthesis"));

        Assert.Empty(Matches(found));
        Assert.Equal(0, found["matchCount"].GetValue<int>());
    }
}
