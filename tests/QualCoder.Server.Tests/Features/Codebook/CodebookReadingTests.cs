using System.Net;
using System.Text.Json.Nodes;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Codebook;

public sealed class CodebookReadingTests(QualCoderApp app) : IntegrationTest(app)
{
    private CodingsInStore Store => new(App);

    private static async Task<Guid> Create(ApiClient by, string url, object body) =>
        (await by.Post(url, body)).ShouldBe(HttpStatusCode.Created).Guid("id");

    private static (int Total, Dictionary<Guid, int> ByCoder) CountsOf(JsonNode code) => (
        code["codingCount"]!.GetValue<int>(),
        code["codingsByCoder"]!.AsArray().ToDictionary(c => c!["coderId"]!.GetValue<Guid>(), c => c!["count"]!.GetValue<int>()));

    [Fact]
    public async Task a_new_project_has_an_empty_codebook_at_version_0()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var codebook = (await ada.Get($"/api/projects/{projectId}/codebook")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(0, codebook["version"].GetValue<long>());
        Assert.Empty(codebook["categories"].AsArray());
        Assert.Empty(codebook["codes"].AsArray());
        Assert.Empty((await ada.Get($"/api/projects/{projectId}/codes")).ShouldBe(HttpStatusCode.OK).Json!.AsArray());
    }

    [Fact]
    public async Task the_codebook_is_the_whole_tree_with_codings_counted_in_total_and_per_coder()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var cy = await SignedIn("Cy");
        var viewer = await SignedIn("Viewer");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, bob, "coder");
        await ada.AddMember(projectId, cy, "coder");
        await ada.AddMember(projectId, viewer, "viewer");
        var codes = $"/api/projects/{projectId}/codes";
        var feelings = await Create(ada, $"/api/projects/{projectId}/categories", new { name = "Feelings", memo = "Named by staff." });
        var positive = await Create(ada, $"/api/projects/{projectId}/categories", new { name = "Positive", parentId = feelings });
        var joy = await Create(ada, codes, new { name = "Joy", color = "#3cb44b", categoryId = positive });
        var fear = await Create(ada, codes, new { name = "Fear", color = "#4363d8", categoryId = feelings });
        var anger = await Create(ada, codes, new { name = "Anger", color = "#e6194b" });
        var first = await Store.AddSource(projectId, ada, "Some days I laugh, some days I am scared or angry.");
        var second = await Store.AddSource(projectId, ada, "Joy and relief at the end of a shift.", "Interview 2");
        await Store.Code(projectId, first, joy, bob, 11, 16);
        await Store.Code(projectId, second, joy, bob, 0, 3);
        await Store.Code(projectId, second, joy, cy, 8, 14);
        await Store.Code(projectId, first, anger, cy, 43, 48);
        var otherProject = await ada.CreateProject("Other");
        var othersCode = await Create(ada, $"/api/projects/{otherProject}/codes", new { name = "Joy", color = "#abc" });
        await Store.Code(otherProject, await Store.AddSource(otherProject, ada, "Joy elsewhere."), othersCode, ada, 0, 3);

        var codebook = (await viewer.Get($"/api/projects/{projectId}/codebook")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(5, codebook["version"].GetValue<long>());
        var feelingsNode = codebook["categories"].AsArray().Single()!;
        Assert.Equal((feelings, "Feelings", "Named by staff."), (feelingsNode["id"]!.GetValue<Guid>(), feelingsNode["name"]!.GetValue<string>(), feelingsNode["memo"]!.GetValue<string>()));
        var fearNode = feelingsNode["codes"]!.AsArray().Single()!;
        Assert.Equal((fear, feelings), (fearNode["id"]!.GetValue<Guid>(), fearNode["categoryId"]!.GetValue<Guid>()));
        Assert.Equal(0, CountsOf(fearNode).Total);
        Assert.Empty(CountsOf(fearNode).ByCoder);
        var positiveNode = feelingsNode["categories"]!.AsArray().Single()!;
        Assert.Equal((positive, feelings), (positiveNode["id"]!.GetValue<Guid>(), positiveNode["parentId"]!.GetValue<Guid>()));
        var joyNode = positiveNode["codes"]!.AsArray().Single()!;
        Assert.Equal(("Joy", "#3cb44b", ada.AccountId), (joyNode["name"]!.GetValue<string>(), joyNode["color"]!.GetValue<string>(), joyNode["createdBy"]!.GetValue<Guid>()));
        Assert.Null(joyNode["version"]);
        var (joyTotal, joyByCoder) = CountsOf(joyNode);
        Assert.Equal(3, joyTotal);
        Assert.Equal(new Dictionary<Guid, int> { [bob.AccountId] = 2, [cy.AccountId] = 1 }, joyByCoder);
        var angerNode = codebook["codes"].AsArray().Single()!;
        Assert.Equal(anger, angerNode["id"]!.GetValue<Guid>());
        Assert.Equal(1, CountsOf(angerNode).Total);
        Assert.Equal(new Dictionary<Guid, int> { [cy.AccountId] = 1 }, CountsOf(angerNode).ByCoder);

        var list = (await viewer.Get(codes)).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(["Anger", "Fear", "Joy"], list.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal([1, 0, 3], list.Select(c => CountsOf(c!).Total));
        Assert.Equal(positive, list[2]!["categoryId"]!.GetValue<Guid>());

        var one = (await viewer.Get($"{codes}/{joy}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((3, 5L), (CountsOf(one.Json!).Total, one["version"].GetValue<long>()));
    }

    [Fact]
    public async Task outsiders_cannot_read_the_codebook()
    {
        var ada = await SignedIn("Ada");
        var outsider = await SignedIn("Outsider");
        var projectId = await ada.CreateProject();

        (await outsider.Get($"/api/projects/{projectId}/codebook")).ShouldBe(HttpStatusCode.NotFound, "CODEBOOK/NOT_FOUND");
        (await outsider.Get($"/api/projects/{projectId}/codes")).ShouldBe(HttpStatusCode.NotFound, "CODEBOOK/NOT_FOUND");
        (await outsider.Get($"/api/projects/{Guid.NewGuid()}/codebook")).ShouldBe(HttpStatusCode.NotFound, "CODEBOOK/NOT_FOUND");
    }
}
