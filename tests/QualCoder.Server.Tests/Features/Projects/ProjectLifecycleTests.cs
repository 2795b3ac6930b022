using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Projects;

public sealed class ProjectLifecycleTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_created_project_is_trimmed_owned_by_its_creator_and_listed()
    {
        var ada = await SignedIn("Ada");

        var created = (await ada.Post("/api/projects", new { name = "  Interviews 2026 ", description = "Nurses" })).ShouldBe(HttpStatusCode.Created);

        Assert.Equal("Interviews 2026", created.String("name"));
        Assert.Equal("Nurses", created.String("description"));
        Assert.Equal("owner", created.String("myRole"));
        Assert.Equal(1, created["version"].GetValue<long>());
        var listed = (await ada.Get("/api/projects")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(created.Guid("id"), listed.Json!.AsArray().Single()!["id"]!.GetValue<Guid>());
    }

    [Theory]
    [InlineData("", "PROJECT_NOT_CREATED/EMPTY_NAME")]
    [InlineData("   ", "PROJECT_NOT_CREATED/EMPTY_NAME")]
    public async Task a_project_needs_a_name(string name, string code)
    {
        var ada = await SignedIn("Ada");

        (await ada.Post("/api/projects", new { name })).ShouldBe(HttpStatusCode.UnprocessableEntity, code);
        Assert.Empty((await ada.Get("/api/projects")).Json!.AsArray());
    }

    [Fact]
    public async Task a_name_over_100_characters_is_refused()
    {
        var ada = await SignedIn("Ada");

        (await ada.Post("/api/projects", new { name = new string('x', 101) })).ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_CREATED/NAME_TOO_LONG");
        (await ada.Post("/api/projects", new { name = new string('x', 100) })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task people_see_only_the_projects_they_belong_to()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        await ada.CreateProject("Ada's");
        var bobs = await bob.CreateProject("Bob's");

        var adaSees = (await ada.Get("/api/projects")).Json!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        Assert.Equal(["Ada's"], adaSees);
        (await ada.Get($"/api/projects/{bobs}")).ShouldBe(HttpStatusCode.NotFound, "PROJECT/NOT_FOUND");
    }

    [Fact]
    public async Task an_owner_renames_and_describes_the_project()
    {
        var ada = await SignedIn("Ada");
        var id = await ada.CreateProject();

        var renamed = (await ada.Put($"/api/projects/{id}/name", new { name = " Focus groups ", expectedVersion = 1 })).ShouldBe(HttpStatusCode.OK);
        var described = (await ada.Put($"/api/projects/{id}/description", new { description = "Wave 2" })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Focus groups", renamed.String("name"));
        Assert.Equal(2, renamed["version"].GetValue<long>());
        Assert.Equal("Wave 2", described.String("description"));
        Assert.Equal(3, described["version"].GetValue<long>());
    }

    [Fact]
    public async Task renaming_with_a_stale_version_is_a_conflict_and_changes_nothing()
    {
        var ada = await SignedIn("Ada");
        var id = await ada.CreateProject("Original");
        (await ada.Put($"/api/projects/{id}/name", new { name = "First", expectedVersion = 1 })).ShouldBe(HttpStatusCode.OK);

        (await ada.Put($"/api/projects/{id}/name", new { name = "Second", expectedVersion = 1 }))
            .ShouldBe(HttpStatusCode.Conflict, "CONCURRENCY_CONFLICT/STALE_VERSION");

        Assert.Equal("First", (await ada.Get($"/api/projects/{id}")).String("name"));
    }

    [Fact]
    public async Task simultaneous_renames_either_succeed_or_conflict_and_never_fail()
    {
        var ada = await SignedIn("Ada");
        var id = await ada.CreateProject("Original");

        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => ada.Put($"/api/projects/{id}/name", new { name = $"Name {i}" })));

        Assert.All(replies, r => Assert.True(r.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, r.Text));
        var succeeded = replies.Count(r => r.Status == HttpStatusCode.OK);
        Assert.InRange(succeeded, 1, 8);
        Assert.All(replies.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.StartsWith("CONCURRENCY_CONFLICT/", r.Code));
        var version = (await ada.Get($"/api/projects/{id}"))["version"].GetValue<long>();
        Assert.Equal(1 + succeeded, version);
    }

    [Fact]
    public async Task deleting_needs_the_name_as_confirmation_then_the_project_is_gone_for_everyone()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var id = await ada.CreateProject("Pilot study");
        await ada.AddMember(id, bob, "editor");

        (await ada.Delete($"/api/projects/{id}")).ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_DELETED/CONFIRMATION_REQUIRED");
        (await ada.Delete($"/api/projects/{id}?confirmName=Pilot")).ShouldBe(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await ada.Get($"/api/projects/{id}")).Status);

        (await ada.Delete($"/api/projects/{id}?confirmName=Pilot%20study")).ShouldBe(HttpStatusCode.NoContent);

        (await ada.Get($"/api/projects/{id}")).ShouldBe(HttpStatusCode.NotFound);
        (await bob.Get($"/api/projects/{id}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Empty((await bob.Get("/api/projects")).Json!.AsArray());
        (await ada.Delete($"/api/projects/{id}?confirmName=Pilot%20study")).ShouldBe(HttpStatusCode.NotFound);
    }
}
