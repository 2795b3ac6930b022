using System.Net;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Folders;

public sealed class FolderTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task folders_nest_and_are_listed_flat_and_as_a_tree()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var folders = $"/api/projects/{projectId}/folders";

        var fieldwork = (await ada.Post(folders, new { name = " Fieldwork " })).ShouldBe(HttpStatusCode.Created);
        var fieldworkId = fieldwork.Guid("id");
        var wardB = await ada.CreateFolder(projectId, "Ward B", fieldworkId);
        var wardA = await ada.CreateFolder(projectId, "ward A", fieldworkId);
        await ada.CreateFolder(projectId, "Night shift", wardA);
        await ada.CreateFolder(projectId, "Memos");

        Assert.Equal("Fieldwork", fieldwork.String("name"));
        Assert.Equal(1, fieldwork["version"].GetValue<long>());
        var list = (await ada.Get(folders)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(5, list["version"].GetValue<long>());
        Assert.Equal(["Fieldwork", "Memos", "Night shift", "ward A", "Ward B"], list["folders"].AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.Equal(fieldworkId, list["folders"].AsArray().Single(f => f!["id"]!.GetValue<Guid>() == wardB)!["parentId"]!.GetValue<Guid>());
        var tree = list["tree"].AsArray();
        Assert.Equal(["Fieldwork", "Memos"], tree.Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal(["ward A", "Ward B"], tree[0]!["children"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));
        Assert.Equal("Night shift", tree[0]!["children"]![0]!["children"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_project_without_folders_lists_an_empty_tree()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var list = (await ada.Get($"/api/projects/{projectId}/folders")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(0, list["version"].GetValue<long>());
        Assert.Empty(list["folders"].AsArray());
        Assert.Empty(list["tree"].AsArray());
    }

    [Fact]
    public async Task bad_folder_names_and_unknown_parents_are_refused()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var folders = $"/api/projects/{projectId}/folders";
        var fieldwork = await ada.CreateFolder(projectId, "Fieldwork");
        await ada.CreateFolder(projectId, "Ward A", fieldwork);

        (await ada.Post(folders, new { name = "2024/05" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_CREATED/INVALID_NAME");
        (await ada.Post(folders, new { name = "a\\b" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_CREATED/INVALID_NAME");
        (await ada.Post(folders, new { name = " " })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_CREATED/EMPTY_NAME");
        (await ada.Post(folders, new { name = "FIELDWORK" })).ShouldBe(HttpStatusCode.Conflict, "FOLDER_NOT_CREATED/DUPLICATE_NAME");
        (await ada.Post(folders, new { name = "ward a", parentId = fieldwork })).ShouldBe(HttpStatusCode.Conflict, "FOLDER_NOT_CREATED/DUPLICATE_NAME");
        (await ada.Post(folders, new { name = "X", parentId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_CREATED/PARENT_NOT_FOUND");
        await ada.CreateFolder(projectId, "Ward A");
        Assert.Equal(3, (await ada.Get(folders))["folders"].AsArray().Count);
    }

    [Fact]
    public async Task a_folder_is_renamed_unless_a_sibling_has_the_name()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var fieldwork = await ada.CreateFolder(projectId, "Fieldwork");
        await ada.CreateFolder(projectId, "Memos");
        var folder = $"/api/projects/{projectId}/folders/{fieldwork}";

        var renamed = (await ada.Put($"{folder}/name", new { name = "Field notes", expectedVersion = 2 })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(("Field notes", 3L), (renamed.String("name"), renamed["version"].GetValue<long>()));
        (await ada.Put($"{folder}/name", new { name = "memos" })).ShouldBe(HttpStatusCode.Conflict, "FOLDER_NOT_RENAMED/DUPLICATE_NAME");
        (await ada.Put($"{folder}/name", new { name = "a/b" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_RENAMED/INVALID_NAME");
        (await ada.Put($"{folder}/name", new { name = "Late", expectedVersion = 2 })).ShouldBe(HttpStatusCode.Conflict, "CONCURRENCY_CONFLICT/STALE_VERSION");
        (await ada.Put($"/api/projects/{projectId}/folders/{Guid.NewGuid()}/name", new { name = "X" }))
            .ShouldBe(HttpStatusCode.NotFound, "FOLDER_NOT_RENAMED/NOT_FOUND");
    }

    [Fact]
    public async Task a_folder_moves_anywhere_but_into_itself()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var fieldwork = await ada.CreateFolder(projectId, "Fieldwork");
        var wardA = await ada.CreateFolder(projectId, "Ward A", fieldwork);
        var nightShift = await ada.CreateFolder(projectId, "Night shift", wardA);
        var memos = await ada.CreateFolder(projectId, "Memos");
        await ada.CreateFolder(projectId, "Ward A", memos);
        var folders = $"/api/projects/{projectId}/folders";

        var moved = (await ada.Put($"{folders}/{nightShift}/parent", new { parentId = memos })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(memos, moved.Guid("parentId"));
        var toRoot = (await ada.Put($"{folders}/{nightShift}/parent", new { parentId = (Guid?)null })).ShouldBe(HttpStatusCode.OK);
        Assert.Null(toRoot.Json!["parentId"]);

        (await ada.Put($"{folders}/{fieldwork}/parent", new { parentId = wardA })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_MOVED/CYCLE");
        (await ada.Put($"{folders}/{fieldwork}/parent", new { parentId = fieldwork })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_MOVED/CYCLE");
        (await ada.Put($"{folders}/{wardA}/parent", new { parentId = memos })).ShouldBe(HttpStatusCode.Conflict, "FOLDER_NOT_MOVED/DUPLICATE_NAME");
        (await ada.Put($"{folders}/{wardA}/parent", new { parentId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_MOVED/PARENT_NOT_FOUND");
        (await ada.Put($"{folders}/{Guid.NewGuid()}/parent", new { parentId = memos })).ShouldBe(HttpStatusCode.NotFound, "FOLDER_NOT_MOVED/NOT_FOUND");
        (await ada.SendRaw(HttpMethod.Put, $"{folders}/{wardA}/parent", "{}")).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");
        var list = (await ada.Get(folders)).Json!["folders"]!.AsArray();
        Assert.Equal(fieldwork, list.Single(f => f!["id"]!.GetValue<Guid>() == wardA)!["parentId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task only_an_empty_folder_is_deleted()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var fieldwork = await ada.CreateFolder(projectId, "Fieldwork");
        var wardA = await ada.CreateFolder(projectId, "Ward A", fieldwork);
        var sourceId = await ada.AddSource(projectId, folderId: wardA);
        var folders = $"/api/projects/{projectId}/folders";

        (await ada.Delete($"{folders}/{fieldwork}")).ShouldBe(HttpStatusCode.Conflict, "FOLDER_NOT_DELETED/NOT_EMPTY");
        (await ada.Delete($"{folders}/{wardA}")).ShouldBe(HttpStatusCode.Conflict, "FOLDER_NOT_DELETED/NOT_EMPTY");

        (await ada.Put($"/api/projects/{projectId}/sources/{sourceId}/folder", new { folderId = (Guid?)null })).ShouldBe(HttpStatusCode.OK);
        (await ada.Delete($"{folders}/{wardA}")).ShouldBe(HttpStatusCode.NoContent);
        (await ada.Delete($"{folders}/{fieldwork}")).ShouldBe(HttpStatusCode.NoContent);
        (await ada.Delete($"{folders}/{fieldwork}")).ShouldBe(HttpStatusCode.NotFound, "FOLDER_NOT_DELETED/NOT_FOUND");
        Assert.Empty((await ada.Get(folders))["folders"].AsArray());
    }

    [Fact]
    public async Task a_deleted_source_does_not_keep_its_folder_from_being_deleted()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var fieldwork = await ada.CreateFolder(projectId, "Fieldwork");
        var sourceId = await ada.AddSource(projectId, folderId: fieldwork);

        (await ada.Delete($"/api/projects/{projectId}/sources/{sourceId}?confirm=true")).ShouldBe(HttpStatusCode.OK);

        (await ada.Delete($"/api/projects/{projectId}/folders/{fieldwork}")).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task folders_of_another_project_are_not_found_and_only_editors_change_folders()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var cy = await SignedIn("Cy");
        var mine = await ada.CreateProject("Mine");
        var theirs = await bob.CreateProject("Theirs");
        await ada.AddMember(mine, cy, "coder");
        var theirFolder = await bob.CreateFolder(theirs, "Fieldwork");
        var myFolder = await ada.CreateFolder(mine, "Fieldwork");

        (await ada.Put($"/api/projects/{mine}/folders/{theirFolder}/name", new { name = "Taken" })).ShouldBe(HttpStatusCode.NotFound, "FOLDER_NOT_RENAMED/NOT_FOUND");
        (await ada.Delete($"/api/projects/{mine}/folders/{theirFolder}")).ShouldBe(HttpStatusCode.NotFound, "FOLDER_NOT_DELETED/NOT_FOUND");
        (await ada.Post($"/api/projects/{mine}/folders", new { name = "X", parentId = theirFolder })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_CREATED/PARENT_NOT_FOUND");
        (await ada.Put($"/api/projects/{mine}/folders/{myFolder}/parent", new { parentId = theirFolder })).ShouldBe(HttpStatusCode.UnprocessableEntity, "FOLDER_NOT_MOVED/PARENT_NOT_FOUND");
        (await ada.Get($"/api/projects/{theirs}/folders")).ShouldBe(HttpStatusCode.NotFound, "FOLDERS/NOT_FOUND");

        (await cy.Post($"/api/projects/{mine}/folders", new { name = "Mine" })).ShouldBe(HttpStatusCode.Forbidden, "FOLDER_NOT_CREATED/FORBIDDEN");
        (await cy.Delete($"/api/projects/{mine}/folders/{myFolder}")).ShouldBe(HttpStatusCode.Forbidden, "FOLDER_NOT_DELETED/FORBIDDEN");
        Assert.Single((await cy.Get($"/api/projects/{mine}/folders")).ShouldBe(HttpStatusCode.OK)["folders"].AsArray());
    }
}
