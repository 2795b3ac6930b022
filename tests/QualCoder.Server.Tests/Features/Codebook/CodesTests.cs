using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Codebook;

public sealed class CodesTests(QualCoderApp app) : IntegrationTest(app)
{
    private static string Codes(Guid projectId) => $"/api/projects/{projectId}/codes";

    private static string Code(Guid projectId, Guid codeId) => $"/api/projects/{projectId}/codes/{codeId}";

    private static async Task<Guid> CreateCode(ApiClient by, Guid projectId, string name, string color = "#e6194b") =>
        (await by.Post(Codes(projectId), new { name, color })).ShouldBe(HttpStatusCode.Created).Guid("id");

    [Fact]
    public async Task an_editor_creates_a_code_that_every_member_can_read()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var cy = await SignedIn("Cy");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, bob, "editor");
        await ada.AddMember(projectId, cy, "viewer");

        using var response = await bob.Http.PostAsJsonAsync(Codes(projectId), new { name = "  Tiredness ", color = "#ABC", memo = "Long shifts." });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var codeId = created["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/projects/{projectId}/codes/{codeId}", response.Headers.Location?.OriginalString);
        var read = (await cy.Get(Code(projectId, codeId))).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Tiredness", "#aabbcc", "Long shifts."), (read.String("name"), read.String("color"), read.String("memo")));
        Assert.Equal(bob.AccountId, read.Guid("createdBy"));
        Assert.Null(read.Json!["categoryId"]);
        Assert.Equal(0, read["codingCount"].GetValue<int>());
        Assert.Empty(read["codingsByCoder"].AsArray());
        Assert.Equal(1, read["version"].GetValue<long>());
        Assert.True(JsonNode.DeepEquals(created, read.Json), $"{created.ToJsonString()} <> {read.Text}");
    }

    public static TheoryData<object, HttpStatusCode, string> BadCodes() => new()
    {
        { new { name = " ", color = "#abc" }, HttpStatusCode.UnprocessableEntity, "CODE_NOT_CREATED/EMPTY_NAME" },
        { new { name = new string('n', 101), color = "#abc" }, HttpStatusCode.UnprocessableEntity, "CODE_NOT_CREATED/NAME_TOO_LONG" },
        { new { name = "Tiredness", color = "red" }, HttpStatusCode.UnprocessableEntity, "CODE_NOT_CREATED/INVALID_COLOR" },
        { new { name = "Tiredness", color = "#abcd" }, HttpStatusCode.UnprocessableEntity, "CODE_NOT_CREATED/INVALID_COLOR" },
        { new { name = "Tiredness", color = "#abc", memo = new string('m', 10_001) }, HttpStatusCode.UnprocessableEntity, "CODE_NOT_CREATED/MEMO_TOO_LONG" },
        { new { name = "Tiredness", color = "#abc", categoryId = Guid.NewGuid() }, HttpStatusCode.UnprocessableEntity, "CODE_NOT_CREATED/CATEGORY_NOT_FOUND" },
        { new { name = "Tiredness", colour = "#abc" }, HttpStatusCode.BadRequest, "REQUEST/MALFORMED" },
        { new { name = "Tiredness", color = "#abc", favourite = true }, HttpStatusCode.BadRequest, "REQUEST/MALFORMED" },
    };

    [Theory]
    [MemberData(nameof(BadCodes))]
    public async Task a_code_with_bad_input_is_refused_with_a_code_and_nothing_is_kept(object body, HttpStatusCode status, string code)
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        (await ada.Post(Codes(projectId), body)).ShouldBe(status, code);

        Assert.Empty((await ada.Get(Codes(projectId))).ShouldBe(HttpStatusCode.OK).Json!.AsArray());
    }

    [Fact]
    public async Task a_code_name_is_unique_in_its_project_ignoring_case_but_not_across_projects()
    {
        var ada = await SignedIn("Ada");
        var first = await ada.CreateProject("First");
        var second = await ada.CreateProject("Second");
        await CreateCode(ada, first, "Tiredness");

        var duplicate = (await ada.Post(Codes(first), new { name = "TIREDNESS ", color = "#abc" })).ShouldBe(HttpStatusCode.Conflict, "CODE_NOT_CREATED/DUPLICATE_NAME");

        Assert.Contains("\"Tiredness\"", duplicate.String("detail"));
        await CreateCode(ada, second, "Tiredness");
    }

    [Fact]
    public async Task an_editor_renames_recolours_describes_and_moves_a_code_and_each_answer_is_the_code_as_it_is_now()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, bob, "editor");
        var codeId = await CreateCode(ada, projectId, "Tiredness");
        var categoryId = (await ada.Post($"/api/projects/{projectId}/categories", new { name = "Work" })).ShouldBe(HttpStatusCode.Created).Guid("id");
        var url = Code(projectId, codeId);

        var renamed = (await bob.Put($"{url}/name", new { name = " Exhaustion ", expectedVersion = 2 })).ShouldBe(HttpStatusCode.OK);
        var recoloured = (await bob.Put($"{url}/color", new { color = "#3CB44B" })).ShouldBe(HttpStatusCode.OK);
        var described = (await bob.Put($"{url}/memo", new { memo = "Said of long shifts." })).ShouldBe(HttpStatusCode.OK);
        var moved = (await bob.Put($"{url}/category", new { categoryId })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(("Exhaustion", 3L), (renamed.String("name"), renamed["version"].GetValue<long>()));
        Assert.Equal(("#3cb44b", 4L), (recoloured.String("color"), recoloured["version"].GetValue<long>()));
        Assert.Equal(("Said of long shifts.", 5L), (described.String("memo"), described["version"].GetValue<long>()));
        Assert.Equal((categoryId, 6L), (moved.Guid("categoryId"), moved["version"].GetValue<long>()));
        var now = (await ada.Get(url)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Exhaustion", "#3cb44b", "Said of long shifts.", categoryId), (now.String("name"), now.String("color"), now.String("memo"), now.Guid("categoryId")));
    }

    [Fact]
    public async Task a_change_to_nothing_new_keeps_the_version_and_only_the_case_of_a_name_may_change()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var codeId = await CreateCode(ada, projectId, "Tiredness", "#abc");
        var url = Code(projectId, codeId);

        Assert.Equal(1, (await ada.Put($"{url}/name", new { name = "Tiredness " })).ShouldBe(HttpStatusCode.OK)["version"].GetValue<long>());
        Assert.Equal(1, (await ada.Put($"{url}/color", new { color = "#AABBCC" })).ShouldBe(HttpStatusCode.OK)["version"].GetValue<long>());
        Assert.Equal(1, (await ada.Put($"{url}/memo", new { memo = (string?)null })).ShouldBe(HttpStatusCode.OK)["version"].GetValue<long>());
        Assert.Equal(1, (await ada.Put($"{url}/category", new { categoryId = (Guid?)null })).ShouldBe(HttpStatusCode.OK)["version"].GetValue<long>());

        var recased = (await ada.Put($"{url}/name", new { name = "tiredness" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("tiredness", 2L), (recased.String("name"), recased["version"].GetValue<long>()));
    }

    [Fact]
    public async Task a_memo_is_cleared_with_null_and_a_code_moves_out_of_its_category_with_null()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var categoryId = (await ada.Post($"/api/projects/{projectId}/categories", new { name = "Work" })).ShouldBe(HttpStatusCode.Created).Guid("id");
        var codeId = (await ada.Post(Codes(projectId), new { name = "Tiredness", color = "#abc", memo = "Note", categoryId })).ShouldBe(HttpStatusCode.Created).Guid("id");

        Assert.Equal("", (await ada.Put($"{Code(projectId, codeId)}/memo", new { memo = (string?)null })).ShouldBe(HttpStatusCode.OK).String("memo"));
        Assert.Null((await ada.Put($"{Code(projectId, codeId)}/category", new { categoryId = (Guid?)null })).ShouldBe(HttpStatusCode.OK).Json!["categoryId"]);
    }

    [Fact]
    public async Task changes_refuse_bad_input_and_unknown_codes()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var tiredness = await CreateCode(ada, projectId, "Tiredness");
        await CreateCode(ada, projectId, "Pride");
        var url = Code(projectId, tiredness);
        var unknown = Code(projectId, Guid.NewGuid());

        (await ada.Put($"{url}/name", new { name = "PRIDE" })).ShouldBe(HttpStatusCode.Conflict, "CODE_NOT_RENAMED/DUPLICATE_NAME");
        (await ada.Put($"{url}/name", new { name = "" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CODE_NOT_RENAMED/EMPTY_NAME");
        (await ada.Put($"{url}/name", new { name = new string('n', 101) })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CODE_NOT_RENAMED/NAME_TOO_LONG");
        (await ada.Put($"{url}/color", new { color = "#12" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CODE_NOT_RECOLOURED/INVALID_COLOR");
        (await ada.Put($"{url}/memo", new { memo = new string('m', 10_001) })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CODE_MEMO_NOT_CHANGED/MEMO_TOO_LONG");
        (await ada.Put($"{url}/category", new { categoryId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CODE_NOT_MOVED/CATEGORY_NOT_FOUND");
        (await ada.Put($"{url}/category", new { })).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");
        (await ada.Get(unknown)).ShouldBe(HttpStatusCode.NotFound, "CODE/NOT_FOUND");
        (await ada.Put($"{unknown}/name", new { name = "X" })).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_RENAMED/NOT_FOUND");
        (await ada.Put($"{unknown}/color", new { color = "#000" })).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_RECOLOURED/NOT_FOUND");
        (await ada.Put($"{unknown}/memo", new { memo = "x" })).ShouldBe(HttpStatusCode.NotFound, "CODE_MEMO_NOT_CHANGED/NOT_FOUND");
        (await ada.Put($"{unknown}/category", new { categoryId = (Guid?)null })).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_MOVED/NOT_FOUND");
        (await ada.Delete(unknown)).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_DELETED/NOT_FOUND");

        var unchanged = (await ada.Get(url)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Tiredness", "#e6194b", "", 2L), (unchanged.String("name"), unchanged.String("color"), unchanged.String("memo"), unchanged["version"].GetValue<long>()));
    }

    [Fact]
    public async Task coders_and_viewers_read_codes_but_may_not_change_them_and_outsiders_learn_nothing()
    {
        var ada = await SignedIn("Ada");
        var coder = await SignedIn("Coder");
        var viewer = await SignedIn("Viewer");
        var outsider = await SignedIn("Outsider");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, coder, "coder");
        await ada.AddMember(projectId, viewer, "viewer");
        var codeId = await CreateCode(ada, projectId, "Tiredness");
        var url = Code(projectId, codeId);

        foreach (var member in new[] { coder, viewer })
        {
            (await member.Get(url)).ShouldBe(HttpStatusCode.OK);
            (await member.Post(Codes(projectId), new { name = "Mine", color = "#abc" })).ShouldBe(HttpStatusCode.Forbidden, "CODE_NOT_CREATED/FORBIDDEN");
            (await member.Put($"{url}/name", new { name = "Mine" })).ShouldBe(HttpStatusCode.Forbidden, "CODE_NOT_RENAMED/FORBIDDEN");
            (await member.Put($"{url}/color", new { color = "#000" })).ShouldBe(HttpStatusCode.Forbidden, "CODE_NOT_RECOLOURED/FORBIDDEN");
            (await member.Put($"{url}/memo", new { memo = "x" })).ShouldBe(HttpStatusCode.Forbidden, "CODE_MEMO_NOT_CHANGED/FORBIDDEN");
            (await member.Put($"{url}/category", new { categoryId = (Guid?)null })).ShouldBe(HttpStatusCode.Forbidden, "CODE_NOT_MOVED/FORBIDDEN");
            (await member.Delete(url)).ShouldBe(HttpStatusCode.Forbidden, "CODE_NOT_DELETED/FORBIDDEN");
        }

        (await outsider.Get(url)).ShouldBe(HttpStatusCode.NotFound, "CODE/NOT_FOUND");
        (await outsider.Put($"{url}/name", new { name = "Mine" })).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_RENAMED/NOT_FOUND");
        var still = (await ada.Get(url)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Tiredness", 1L), (still.String("name"), still["version"].GetValue<long>()));
    }

    [Fact]
    public async Task a_code_of_another_project_is_not_found_through_this_one()
    {
        var ada = await SignedIn("Ada");
        var first = await ada.CreateProject("First");
        var second = await ada.CreateProject("Second");
        var firstsCode = await CreateCode(ada, first, "Tiredness");
        var secondsCode = await CreateCode(ada, second, "Pride");
        var foreign = Code(second, firstsCode);

        (await ada.Get(foreign)).ShouldBe(HttpStatusCode.NotFound, "CODE/NOT_FOUND");
        (await ada.Put($"{foreign}/name", new { name = "Taken" })).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_RENAMED/NOT_FOUND");
        (await ada.Put($"{foreign}/color", new { color = "#000" })).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_RECOLOURED/NOT_FOUND");
        (await ada.Delete($"{foreign}?deleteCodings=true")).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_DELETED/NOT_FOUND");
        (await ada.Post($"{foreign}/merge", new { intoCodeId = secondsCode })).ShouldBe(HttpStatusCode.NotFound, "CODES_NOT_MERGED/NOT_FOUND");
        (await ada.Post($"{Code(second, secondsCode)}/merge", new { intoCodeId = firstsCode })).ShouldBe(HttpStatusCode.NotFound, "CODES_NOT_MERGED/NOT_FOUND");

        Assert.Equal(["Tiredness"], (await ada.Get(Codes(first))).Json!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal(["Pride"], (await ada.Get(Codes(second))).Json!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task two_renames_of_one_code_from_the_same_version_give_the_loser_a_conflict_and_lose_nothing()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, bob, "editor");
        var codeId = await CreateCode(ada, projectId, "Tiredness");
        var url = Code(projectId, codeId);
        (await ada.Put($"{url}/memo", new { memo = "Long shifts." })).ShouldBe(HttpStatusCode.OK);
        var version = (await ada.Get(url))["version"].GetValue<long>();

        var replies = await Task.WhenAll(
            ada.Put($"{url}/name", new { name = "Exhaustion", expectedVersion = version }),
            bob.Put($"{url}/name", new { name = "Fatigue", expectedVersion = version }));

        var winner = Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        var loser = Assert.Single(replies, r => r.Status != HttpStatusCode.OK);
        loser.ShouldBe(HttpStatusCode.Conflict, "CONCURRENCY_CONFLICT/STALE_VERSION");
        var now = (await ada.Get(url)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((winner.String("name"), "Long shifts.", version + 1), (now.String("name"), now.String("memo"), now["version"].GetValue<long>()));

        var retried = replies[0] == loser ? ada : bob;
        var again = (await retried.Put($"{url}/name", new { name = "Weariness", expectedVersion = version + 1 })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("Weariness", version + 2), (again.String("name"), again["version"].GetValue<long>()));
    }

    [Fact]
    public async Task a_stale_expected_version_refuses_every_kind_of_change()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var codeId = await CreateCode(ada, projectId, "Tiredness");
        var otherId = await CreateCode(ada, projectId, "Pride");
        var url = Code(projectId, codeId);
        const string stale = "CONCURRENCY_CONFLICT/STALE_VERSION";

        (await ada.Post(Codes(projectId), new { name = "Joy", color = "#abc", expectedVersion = 1 })).ShouldBe(HttpStatusCode.Conflict, stale);
        (await ada.Put($"{url}/name", new { name = "Exhaustion", expectedVersion = 1 })).ShouldBe(HttpStatusCode.Conflict, stale);
        (await ada.Put($"{url}/color", new { color = "#000", expectedVersion = 1 })).ShouldBe(HttpStatusCode.Conflict, stale);
        (await ada.Put($"{url}/memo", new { memo = "x", expectedVersion = 1 })).ShouldBe(HttpStatusCode.Conflict, stale);
        (await ada.Put($"{url}/category", new { categoryId = (Guid?)null, expectedVersion = 3 })).ShouldBe(HttpStatusCode.Conflict, stale);
        (await ada.Post($"{url}/merge", new { intoCodeId = otherId, expectedVersion = 1 })).ShouldBe(HttpStatusCode.Conflict, stale);
        (await ada.Delete($"{url}?expectedVersion=1")).ShouldBe(HttpStatusCode.Conflict, stale);

        Assert.Equal(2, (await ada.Get(url))["version"].GetValue<long>());
        (await ada.Delete($"{url}?expectedVersion=2")).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task codes_created_at_the_same_moment_all_land()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var replies = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => ada.Post(Codes(projectId), new { name = $"Code {i}", color = "#abc" })));

        Assert.All(replies, r => r.ShouldBe(HttpStatusCode.Created));
        var listed = (await ada.Get(Codes(projectId))).Json!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"Code {i}"), listed);
        Assert.Equal(6, (await ada.Get($"/api/projects/{projectId}/codebook"))["version"].GetValue<long>());
    }

    [Fact]
    public async Task the_same_name_created_at_the_same_moment_lands_once()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var replies = await Task.WhenAll(Enumerable.Range(1, 4).Select(i => ada.Post(Codes(projectId), new { name = i % 2 == 0 ? "PRIDE" : "pride", color = "#abc" })));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBe(HttpStatusCode.Conflict, "CODE_NOT_CREATED/DUPLICATE_NAME"));
        Assert.Single((await ada.Get(Codes(projectId))).Json!.AsArray());
    }
}
