using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Sources;

public sealed class SourceLifecycleTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task an_editor_pastes_a_source_which_is_listed_with_its_length_in_code_points()
    {
        var ada = await SignedIn("Ada");
        var eve = await SignedIn("Eve");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, eve, "editor");

        var added = (await eve.Post($"/api/projects/{projectId}/sources",
                new { name = " Interview 1 ", content = "Ça va 🙂", memo = " First pass ", origin = "Ward B" }))
            .ShouldBe(HttpStatusCode.Created);

        var id = added.Guid("id");
        Assert.Equal("Interview 1", added.String("name"));
        Assert.Equal("text", added.String("format"));
        Assert.Equal("First pass", added.String("memo"));
        Assert.Equal("Ward B", added.String("origin"));
        Assert.Equal(7, added["length"].GetValue<int>());
        Assert.Equal(0, added["codingCount"].GetValue<int>());
        Assert.Equal(eve.AccountId, added.Guid("createdBy"));
        Assert.Equal(1, added["version"].GetValue<long>());
        Assert.Null(added.Json!["folderId"]);
        var listed = (await ada.Get($"/api/projects/{projectId}/sources")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(id, Assert.Single(listed)!["id"]!.GetValue<Guid>());
        Assert.Equal("Interview 1", (await ada.Get($"/api/projects/{projectId}/sources/{id}")).ShouldBe(HttpStatusCode.OK).String("name"));
        Assert.DoesNotContain("Ça va", (await ada.Get($"/api/projects/{projectId}/sources")).Text);
    }

    [Fact]
    public async Task pasted_line_endings_are_normalised_once_to_newlines()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var id = await ada.AddSource(projectId, content: "one\r\ntwo\rthree\n");

        var page = (await ada.Get($"/api/projects/{projectId}/sources/{id}/text")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("one\ntwo\nthree\n", page.String("text"));
        Assert.Equal(14, page["totalLength"].GetValue<int>());
    }

    [Theory]
    [InlineData("", "Some text", "SOURCE_NOT_ADDED/EMPTY_NAME")]
    [InlineData("  ", "Some text", "SOURCE_NOT_ADDED/EMPTY_NAME")]
    [InlineData("Interview", "", "SOURCE_NOT_ADDED/EMPTY_CONTENT")]
    [InlineData("Interview", " \r\n\t ", "SOURCE_NOT_ADDED/EMPTY_CONTENT")]
    public async Task a_bad_paste_is_refused_and_nothing_is_kept(string name, string content, string code)
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        (await ada.Post($"/api/projects/{projectId}/sources", new { name, content })).ShouldBe(HttpStatusCode.UnprocessableEntity, code);

        Assert.Empty((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task a_paste_with_a_nul_character_is_unreadable_input()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        (await ada.Post($"/api/projects/{projectId}/sources", new { name = "Interview", content = "a\0b" })).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");

        Assert.Empty((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task names_and_origins_have_limits_in_code_points()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var sources = $"/api/projects/{projectId}/sources";

        (await ada.Post(sources, new { name = new string('n', 256), content = "x" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_ADDED/NAME_TOO_LONG");
        (await ada.Post(sources, new { name = "A", content = "x", origin = new string('o', 1001) }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_ADDED/ORIGIN_TOO_LONG");
        (await ada.Post(sources, new { name = string.Concat(Enumerable.Repeat("🎙", 255)), content = "x", origin = new string('o', 1000) }))
            .ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_name_is_unique_in_its_project_ignoring_case_and_free_again_after_a_delete()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var otherProjectId = await ada.CreateProject("Pilot");
        var id = await ada.AddSource(projectId, "Interview 1");

        (await ada.Post($"/api/projects/{projectId}/sources", new { name = " INTERVIEW 1", content = "x" }))
            .ShouldBe(HttpStatusCode.Conflict, "SOURCE_NOT_ADDED/DUPLICATE_NAME");
        await ada.AddSource(otherProjectId, "Interview 1");

        (await ada.Delete($"/api/projects/{projectId}/sources/{id}?confirm=true")).ShouldBe(HttpStatusCode.OK);
        await ada.AddSource(projectId, "interview 1");
    }

    [Fact]
    public async Task simultaneous_pastes_of_one_name_add_it_once()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            ada.Post($"/api/projects/{projectId}/sources", new { name = i % 2 == 0 ? "Focus group" : "FOCUS GROUP", content = $"Take {i}" })));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => r.ShouldBe(HttpStatusCode.Conflict, "SOURCE_NOT_ADDED/DUPLICATE_NAME"));
        Assert.Single((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task an_editor_renames_and_annotates_a_source()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var id = await ada.AddSource(projectId, "Interview 1");
        await ada.AddSource(projectId, "Interview 2");
        var source = $"/api/projects/{projectId}/sources/{id}";

        var renamed = (await ada.Put($"{source}/name", new { name = " Interview 1b ", expectedVersion = 1 })).ShouldBe(HttpStatusCode.OK);
        var memo = (await ada.Put($"{source}/memo", new { memo = "Noisy recording" })).ShouldBe(HttpStatusCode.OK);
        var origin = (await ada.Put($"{source}/origin", new { origin = "Ward C, 2 May" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Interview 1b", renamed.String("name"));
        Assert.Equal(2, renamed["version"].GetValue<long>());
        Assert.Equal("Noisy recording", memo.String("memo"));
        Assert.Equal("Ward C, 2 May", origin.String("origin"));
        Assert.Equal(4, origin["version"].GetValue<long>());
        (await ada.Put($"{source}/name", new { name = "interview 2" })).ShouldBe(HttpStatusCode.Conflict, "SOURCE_NOT_RENAMED/DUPLICATE_NAME");
        (await ada.Put($"{source}/name", new { name = "" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_RENAMED/EMPTY_NAME");
        (await ada.Put($"{source}/name", new { name = "Late", expectedVersion = 1 })).ShouldBe(HttpStatusCode.Conflict, "CONCURRENCY_CONFLICT/STALE_VERSION");
        (await ada.Put($"{source}/origin", new { origin = new string('o', 1001) }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_ORIGIN_NOT_CHANGED/ORIGIN_TOO_LONG");
        Assert.Equal("Interview 1b", (await ada.Get(source)).String("name"));
    }

    [Fact]
    public async Task a_source_moves_into_a_folder_and_back_to_the_root()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var folderId = await ada.CreateFolder(projectId, "Fieldwork");
        var id = await ada.AddSource(projectId, "Interview 1");
        await ada.AddSource(projectId, "Interview 2", folderId: folderId);
        var sources = $"/api/projects/{projectId}/sources";

        var moved = (await ada.Put($"{sources}/{id}/folder", new { folderId })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(folderId, moved.Guid("folderId"));
        var inFolder = (await ada.Get($"{sources}?folderId={folderId}")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(["Interview 1", "Interview 2"], inFolder.Select(s => s!["name"]!.GetValue<string>()));

        var back = (await ada.Put($"{sources}/{id}/folder", new { folderId = (Guid?)null })).ShouldBe(HttpStatusCode.OK);
        Assert.Null(back.Json!["folderId"]);
        Assert.Single((await ada.Get($"{sources}?folderId={folderId}")).Json!.AsArray());
        (await ada.Put($"{sources}/{id}/folder", new { folderId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_MOVED/FOLDER_NOT_FOUND");
        (await ada.SendRaw(HttpMethod.Put, $"{sources}/{id}/folder", "{}")).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");
        (await ada.Get($"{sources}?folderId={Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound, "SOURCES/FOLDER_NOT_FOUND");
        (await ada.Post(sources, new { name = "Lost", content = "x", folderId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_ADDED/FOLDER_NOT_FOUND");
    }

    [Fact]
    public async Task coders_and_viewers_read_sources_but_only_editors_and_owners_change_them()
    {
        var ada = await SignedIn("Ada");
        var cy = await SignedIn("Cy");
        var vic = await SignedIn("Vic");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, cy, "coder");
        await ada.AddMember(projectId, vic, "viewer");
        var id = await ada.AddSource(projectId);
        var sources = $"/api/projects/{projectId}/sources";

        (await cy.Post(sources, new { name = "Mine", content = "x" })).ShouldBe(HttpStatusCode.Forbidden, "SOURCE_NOT_ADDED/FORBIDDEN");
        (await vic.Put($"{sources}/{id}/name", new { name = "Mine" })).ShouldBe(HttpStatusCode.Forbidden, "SOURCE_NOT_RENAMED/FORBIDDEN");
        (await cy.Put($"{sources}/{id}/memo", new { memo = "Mine" })).ShouldBe(HttpStatusCode.Forbidden, "SOURCE_MEMO_NOT_CHANGED/FORBIDDEN");
        (await cy.Delete($"{sources}/{id}")).ShouldBe(HttpStatusCode.Forbidden, "SOURCE_NOT_DELETED/FORBIDDEN");

        Assert.Single((await vic.Get(sources)).ShouldBe(HttpStatusCode.OK).Json!.AsArray());
        Assert.Equal("Some text", (await vic.Get($"{sources}/{id}/text")).ShouldBe(HttpStatusCode.OK).String("text"));
    }

    [Fact]
    public async Task a_source_is_not_found_through_another_project_even_for_a_member_of_both()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var mine = await ada.CreateProject("Mine");
        var theirs = await bob.CreateProject("Theirs");
        await bob.AddMember(theirs, ada, "editor");
        var theirSource = await bob.AddSource(theirs);
        var theirFolder = await bob.CreateFolder(theirs, "Fieldwork");
        var myFolder = await ada.CreateFolder(mine, "Fieldwork");
        var myId = await ada.AddSource(mine, "Mine");
        var wrong = $"/api/projects/{mine}/sources/{theirSource}";

        (await ada.Get(wrong)).ShouldBe(HttpStatusCode.NotFound, "SOURCE/NOT_FOUND");
        (await ada.Get($"{wrong}/text")).ShouldBe(HttpStatusCode.NotFound, "SOURCE_TEXT/NOT_FOUND");
        (await ada.Put($"{wrong}/name", new { name = "Taken" })).ShouldBe(HttpStatusCode.NotFound, "SOURCE_NOT_RENAMED/NOT_FOUND");
        (await ada.Put($"{wrong}/memo", new { memo = "Taken" })).ShouldBe(HttpStatusCode.NotFound, "SOURCE_MEMO_NOT_CHANGED/NOT_FOUND");
        (await ada.Put($"{wrong}/origin", new { origin = "Taken" })).ShouldBe(HttpStatusCode.NotFound, "SOURCE_ORIGIN_NOT_CHANGED/NOT_FOUND");
        (await ada.Put($"{wrong}/folder", new { folderId = myFolder })).ShouldBe(HttpStatusCode.NotFound, "SOURCE_NOT_MOVED/NOT_FOUND");
        (await ada.Delete(wrong)).ShouldBe(HttpStatusCode.NotFound, "SOURCE_NOT_DELETED/NOT_FOUND");
        (await ada.Delete($"{wrong}?confirm=true")).ShouldBe(HttpStatusCode.NotFound, "SOURCE_NOT_DELETED/NOT_FOUND");
        (await ada.Put($"/api/projects/{mine}/sources/{myId}/folder", new { folderId = theirFolder }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_MOVED/FOLDER_NOT_FOUND");
        (await ada.Get($"/api/projects/{mine}/sources/{Guid.NewGuid()}")).ShouldBe(HttpStatusCode.NotFound, "SOURCE/NOT_FOUND");
        Assert.Equal("Interview 1", (await bob.Get($"/api/projects/{theirs}/sources/{theirSource}")).String("name"));
    }
}
