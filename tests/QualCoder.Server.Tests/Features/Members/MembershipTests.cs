using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Members;

public sealed class MembershipTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task an_owner_adds_a_member_by_email_who_then_sees_the_project_with_that_role()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var id = await ada.CreateProject();

        var added = (await ada.Post($"/api/projects/{id}/members", new { email = "BOB@example.org", role = "coder" })).ShouldBe(HttpStatusCode.Created);

        Assert.Equal(bob.AccountId, added.Guid("accountId"));
        Assert.Equal("coder", added.String("role"));
        Assert.Equal("coder", (await bob.Get($"/api/projects/{id}")).ShouldBe(HttpStatusCode.OK).String("myRole"));
        var members = (await bob.Get($"/api/projects/{id}/members")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(["Ada", "Bob"], members.Select(m => m!["displayName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task adding_twice_or_an_unknown_email_is_refused()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var id = await ada.CreateProject();
        await ada.AddMember(id, bob, "viewer");

        (await ada.Post($"/api/projects/{id}/members", new { email = bob.Email, role = "editor" }))
            .ShouldBe(HttpStatusCode.Conflict, "MEMBER_NOT_ADDED/ALREADY_MEMBER");
        (await ada.Post($"/api/projects/{id}/members", new { email = "nobody@example.org", role = "editor" }))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "MEMBER_NOT_ADDED/ACCOUNT_NOT_FOUND");
        (await ada.Post($"/api/projects/{id}/members", new { email = ada.Email, role = "viewer" }))
            .ShouldBe(HttpStatusCode.Conflict, "MEMBER_NOT_ADDED/ALREADY_MEMBER");
    }

    [Fact]
    public async Task an_owner_changes_a_role_and_the_last_owner_cannot_be_demoted()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var id = await ada.CreateProject();
        await ada.AddMember(id, bob, "viewer");

        (await ada.Put($"/api/projects/{id}/members/{bob.AccountId}", new { role = "editor" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("editor", (await bob.Get($"/api/projects/{id}")).String("myRole"));

        (await ada.Put($"/api/projects/{id}/members/{ada.AccountId}", new { role = "editor" }))
            .ShouldBe(HttpStatusCode.Conflict, "MEMBER_ROLE_NOT_CHANGED/LAST_OWNER");
        (await ada.Put($"/api/projects/{id}/members/{Guid.NewGuid()}", new { role = "editor" }))
            .ShouldBe(HttpStatusCode.NotFound, "MEMBER_ROLE_NOT_CHANGED/NOT_MEMBER");
    }

    [Fact]
    public async Task the_last_owner_cannot_leave_until_there_is_another()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var id = await ada.CreateProject();
        await ada.AddMember(id, bob, "editor");

        (await ada.Delete($"/api/projects/{id}/members/{ada.AccountId}")).ShouldBe(HttpStatusCode.Conflict, "MEMBER_NOT_REMOVED/LAST_OWNER");

        (await ada.Put($"/api/projects/{id}/members/{bob.AccountId}", new { role = "owner" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Delete($"/api/projects/{id}/members/{ada.AccountId}")).ShouldBe(HttpStatusCode.NoContent);

        (await ada.Get($"/api/projects/{id}")).ShouldBe(HttpStatusCode.NotFound);
        var members = (await bob.Get($"/api/projects/{id}/members")).Json!.AsArray();
        Assert.Equal([bob.AccountId], members.Select(m => m!["accountId"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task a_member_may_leave_and_a_removed_member_loses_access()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var cy = await SignedIn("Cy");
        var id = await ada.CreateProject();
        await ada.AddMember(id, bob, "coder");
        await ada.AddMember(id, cy, "viewer");

        (await bob.Delete($"/api/projects/{id}/members/{bob.AccountId}")).ShouldBe(HttpStatusCode.NoContent);
        (await ada.Delete($"/api/projects/{id}/members/{cy.AccountId}")).ShouldBe(HttpStatusCode.NoContent);

        (await bob.Get($"/api/projects/{id}")).ShouldBe(HttpStatusCode.NotFound);
        (await cy.Get($"/api/projects/{id}/members")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Empty((await cy.Get("/api/projects")).Json!.AsArray());
    }
}
