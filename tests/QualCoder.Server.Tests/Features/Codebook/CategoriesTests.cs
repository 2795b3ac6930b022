using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Codebook;

public sealed class CategoriesTests(QualCoderApp app) : IntegrationTest(app)
{
    private static string Categories(Guid projectId) => $"/api/projects/{projectId}/categories";

    private static string Category(Guid projectId, Guid categoryId) => $"/api/projects/{projectId}/categories/{categoryId}";

    private static async Task<Guid> CreateCategory(ApiClient by, Guid projectId, string name, Guid? parentId = null) =>
        (await by.Post(Categories(projectId), new { name, parentId })).ShouldBe(HttpStatusCode.Created).Guid("id");

    private static async Task<Guid> CreateCode(ApiClient by, Guid projectId, string name, Guid? categoryId = null) =>
        (await by.Post($"/api/projects/{projectId}/codes", new { name, color = "#abc", categoryId })).ShouldBe(HttpStatusCode.Created).Guid("id");

    private static IEnumerable<string> Names(JsonNode? list) => list!.AsArray().Select(n => n!["name"]!.GetValue<string>());

    [Fact]
    public async Task categories_nest_to_any_depth_and_one_is_read_with_its_whole_subtree()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        using var response = await ada.Http.PostAsJsonAsync(Categories(projectId), new { name = " Context ", memo = "Where it happens." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var context = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        Assert.Equal(Category(projectId, context), response.Headers.Location?.OriginalString);
        var work = await CreateCategory(ada, projectId, "Work", context);
        var shifts = await CreateCategory(ada, projectId, "Shifts", work);
        var nights = await CreateCategory(ada, projectId, "Nights", shifts);
        await CreateCode(ada, projectId, "Sleeplessness", nights);

        var read = (await ada.Get(Category(projectId, context))).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(("Context", "Where it happens.", 5L), (read.String("name"), read.String("memo"), read["version"].GetValue<long>()));
        Assert.Null(read.Json!["parentId"]);
        var level2 = read["categories"][0]!;
        var level4 = level2["categories"]![0]!["categories"]![0]!;
        Assert.Equal(("Work", context), (level2["name"]!.GetValue<string>(), level2["parentId"]!.GetValue<Guid>()));
        Assert.Equal(("Nights", shifts), (level4["name"]!.GetValue<string>(), level4["parentId"]!.GetValue<Guid>()));
        Assert.Equal(["Sleeplessness"], Names(level4["codes"]));
        (await ada.Get(Category(projectId, Guid.NewGuid()))).ShouldBe(HttpStatusCode.NotFound, "CATEGORY/NOT_FOUND");
    }

    [Fact]
    public async Task category_names_are_unique_in_the_project_ignoring_case_at_every_level_and_parents_must_exist()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var work = await CreateCategory(ada, projectId, "Work");
        await CreateCategory(ada, projectId, "Shifts", work);

        (await ada.Post(Categories(projectId), new { name = "SHIFTS" })).ShouldBe(HttpStatusCode.Conflict, "CATEGORY_NOT_CREATED/DUPLICATE_NAME");
        (await ada.Post(Categories(projectId), new { name = "work", parentId = work })).ShouldBe(HttpStatusCode.Conflict, "CATEGORY_NOT_CREATED/DUPLICATE_NAME");
        (await ada.Post(Categories(projectId), new { name = "Nights", parentId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_CREATED/PARENT_NOT_FOUND");
        (await ada.Post(Categories(projectId), new { name = "" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_CREATED/EMPTY_NAME");
        (await ada.Post(Categories(projectId), new { name = new string('c', 101) })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_CREATED/NAME_TOO_LONG");
        (await ada.Post(Categories(projectId), new { name = "Nights", memo = new string('m', 10_001) })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_CREATED/MEMO_TOO_LONG");

        Assert.Equal(2, (await ada.Get($"/api/projects/{projectId}/codebook"))["version"].GetValue<long>());
    }

    [Fact]
    public async Task an_editor_renames_a_category_and_writes_and_clears_its_memo()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, bob, "editor");
        var work = await CreateCategory(ada, projectId, "Work");
        await CreateCategory(ada, projectId, "Home");
        var url = Category(projectId, work);

        Assert.Equal("Workplace", (await bob.Put($"{url}/name", new { name = " Workplace ", expectedVersion = 2 })).ShouldBe(HttpStatusCode.OK).String("name"));
        Assert.Equal("WORKPLACE", (await bob.Put($"{url}/name", new { name = "WORKPLACE" })).ShouldBe(HttpStatusCode.OK).String("name"));
        (await bob.Put($"{url}/name", new { name = "home" })).ShouldBe(HttpStatusCode.Conflict, "CATEGORY_NOT_RENAMED/DUPLICATE_NAME");
        (await bob.Put($"{url}/name", new { name = " " })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_RENAMED/EMPTY_NAME");
        var described = (await bob.Put($"{url}/memo", new { memo = "About the job." })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("About the job.", 5L), (described.String("memo"), described["version"].GetValue<long>()));
        (await bob.Put($"{url}/memo", new { memo = new string('m', 10_001) })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_MEMO_NOT_CHANGED/MEMO_TOO_LONG");
        Assert.Equal("", (await bob.Put($"{url}/memo", new { memo = "" })).ShouldBe(HttpStatusCode.OK).String("memo"));
        var unknown = Category(projectId, Guid.NewGuid());
        (await bob.Put($"{unknown}/name", new { name = "X" })).ShouldBe(HttpStatusCode.NotFound, "CATEGORY_NOT_RENAMED/NOT_FOUND");
        (await bob.Put($"{unknown}/memo", new { memo = "X" })).ShouldBe(HttpStatusCode.NotFound, "CATEGORY_MEMO_NOT_CHANGED/NOT_FOUND");
    }

    [Fact]
    public async Task a_category_moves_under_another_or_to_the_top_but_never_under_itself()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var work = await CreateCategory(ada, projectId, "Work");
        var shifts = await CreateCategory(ada, projectId, "Shifts", work);
        var nights = await CreateCategory(ada, projectId, "Nights", shifts);
        var home = await CreateCategory(ada, projectId, "Home");

        (await ada.Put($"{Category(projectId, work)}/parent", new { parentId = work })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_MOVED/CYCLE");
        (await ada.Put($"{Category(projectId, work)}/parent", new { parentId = nights })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_MOVED/CYCLE");
        (await ada.Put($"{Category(projectId, work)}/parent", new { parentId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CATEGORY_NOT_MOVED/PARENT_NOT_FOUND");
        (await ada.Put($"{Category(projectId, Guid.NewGuid())}/parent", new { parentId = work })).ShouldBe(HttpStatusCode.NotFound, "CATEGORY_NOT_MOVED/NOT_FOUND");
        (await ada.Put($"{Category(projectId, work)}/parent", new { })).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");

        var moved = (await ada.Put($"{Category(projectId, shifts)}/parent", new { parentId = home })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((home, "Nights"), (moved.Guid("parentId"), moved["categories"][0]!["name"]!.GetValue<string>()));
        (await ada.Put($"{Category(projectId, work)}/parent", new { parentId = nights })).ShouldBe(HttpStatusCode.OK);
        var top = (await ada.Put($"{Category(projectId, nights)}/parent", new { parentId = (Guid?)null })).ShouldBe(HttpStatusCode.OK);
        Assert.Null(top.Json!["parentId"]);

        var codebook = (await ada.Get($"/api/projects/{projectId}/codebook")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Home", "Nights"], Names(codebook["categories"]));
        Assert.Equal(["Shifts"], Names(codebook["categories"][0]!["categories"]));
        Assert.Equal(["Work"], Names(codebook["categories"][1]!["categories"]));
    }

    [Fact]
    public async Task deleting_a_category_moves_its_codes_and_child_categories_up_to_its_parent()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var work = await CreateCategory(ada, projectId, "Work");
        var shifts = await CreateCategory(ada, projectId, "Shifts", work);
        await CreateCategory(ada, projectId, "Nights", shifts);
        await CreateCode(ada, projectId, "Overtime", shifts);
        await CreateCode(ada, projectId, "Colleagues", work);

        (await ada.Delete($"{Category(projectId, shifts)}?expectedVersion=5")).ShouldBe(HttpStatusCode.NoContent);

        var workNow = (await ada.Get(Category(projectId, work))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Nights"], Names(workNow["categories"]));
        Assert.Equal(["Colleagues", "Overtime"], Names(workNow["codes"]));
        (await ada.Get(Category(projectId, shifts))).ShouldBe(HttpStatusCode.NotFound, "CATEGORY/NOT_FOUND");

        (await ada.Delete(Category(projectId, work))).ShouldBe(HttpStatusCode.NoContent);

        var codebook = (await ada.Get($"/api/projects/{projectId}/codebook")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(["Nights"], Names(codebook["categories"]));
        Assert.Equal(["Colleagues", "Overtime"], Names(codebook["codes"]));
        Assert.All(codebook["codes"].AsArray(), c => Assert.Null(c!["categoryId"]));
        (await ada.Delete(Category(projectId, work))).ShouldBe(HttpStatusCode.NotFound, "CATEGORY_NOT_DELETED/NOT_FOUND");
    }

    [Fact]
    public async Task coders_and_viewers_read_categories_but_may_not_change_them()
    {
        var ada = await SignedIn("Ada");
        var coder = await SignedIn("Coder");
        var viewer = await SignedIn("Viewer");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, coder, "coder");
        await ada.AddMember(projectId, viewer, "viewer");
        var work = await CreateCategory(ada, projectId, "Work");
        var url = Category(projectId, work);

        foreach (var member in new[] { coder, viewer })
        {
            (await member.Get(url)).ShouldBe(HttpStatusCode.OK);
            (await member.Post(Categories(projectId), new { name = "Mine" })).ShouldBe(HttpStatusCode.Forbidden, "CATEGORY_NOT_CREATED/FORBIDDEN");
            (await member.Put($"{url}/name", new { name = "Mine" })).ShouldBe(HttpStatusCode.Forbidden, "CATEGORY_NOT_RENAMED/FORBIDDEN");
            (await member.Put($"{url}/parent", new { parentId = (Guid?)null })).ShouldBe(HttpStatusCode.Forbidden, "CATEGORY_NOT_MOVED/FORBIDDEN");
            (await member.Put($"{url}/memo", new { memo = "x" })).ShouldBe(HttpStatusCode.Forbidden, "CATEGORY_MEMO_NOT_CHANGED/FORBIDDEN");
            (await member.Delete(url)).ShouldBe(HttpStatusCode.Forbidden, "CATEGORY_NOT_DELETED/FORBIDDEN");
        }

        Assert.Equal(1, (await ada.Get(url))["version"].GetValue<long>());
    }
}
