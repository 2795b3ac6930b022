using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Accounts;

public sealed class AccessTokenTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_token_is_shown_once_and_then_authenticates_as_its_owner()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var created = (await ada.Post("/api/account/tokens", new { name = "Claude Code" })).ShouldBe(HttpStatusCode.Created);
        var secret = created.String("token");
        Assert.StartsWith("qcw_", secret);

        var agent = Anonymous();
        agent.UseBearer(secret);
        Assert.Equal(ada.AccountId, (await agent.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK).Guid("id"));
        (await agent.Get($"/api/projects/{projectId}")).ShouldBe(HttpStatusCode.OK);

        var listed = (await ada.Get("/api/account/tokens")).ShouldBe(HttpStatusCode.OK);
        Assert.DoesNotContain(secret, listed.Text);
        Assert.Equal("Claude Code", listed.Json!.AsArray().Single()!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_revoked_token_stops_working_at_once()
    {
        var ada = await SignedIn("Ada");
        var created = (await ada.Post("/api/account/tokens", new { name = "cli" })).ShouldBe(HttpStatusCode.Created);
        var agent = Anonymous();
        agent.UseBearer(created.String("token"));
        (await agent.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK);

        (await ada.Delete($"/api/account/tokens/{created.Guid("id")}")).ShouldBe(HttpStatusCode.NoContent);

        (await agent.Get("/api/auth/me")).ShouldBe(HttpStatusCode.Unauthorized, "AUTH/UNAUTHENTICATED");
        (await ada.Delete($"/api/account/tokens/{created.Guid("id")}")).ShouldBe(HttpStatusCode.NotFound, "TOKEN_NOT_REVOKED/NOT_FOUND");
    }

    [Fact]
    public async Task nobody_can_revoke_someone_elses_token()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var created = (await ada.Post("/api/account/tokens", new { name = "cli" })).ShouldBe(HttpStatusCode.Created);

        (await bob.Delete($"/api/account/tokens/{created.Guid("id")}")).ShouldBe(HttpStatusCode.NotFound);

        var agent = Anonymous();
        agent.UseBearer(created.String("token"));
        (await agent.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task an_expired_token_no_longer_authenticates()
    {
        var ada = await SignedIn("Ada");
        var created = (await ada.Post("/api/account/tokens", new { name = "short-lived", expiresInDays = 1 })).ShouldBe(HttpStatusCode.Created);
        var agent = Anonymous();
        agent.UseBearer(created.String("token"));
        (await agent.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK);

        App.Clock.Advance(TimeSpan.FromDays(1.01));

        (await agent.Get("/api/auth/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task token_names_are_unique_per_account_and_bounded()
    {
        var ada = await SignedIn("Ada");
        (await ada.Post("/api/account/tokens", new { name = "cli" })).ShouldBe(HttpStatusCode.Created);

        (await ada.Post("/api/account/tokens", new { name = "CLI" })).ShouldBe(HttpStatusCode.Conflict, "TOKEN_NOT_CREATED/DUPLICATE_NAME");
        (await ada.Post("/api/account/tokens", new { name = " " })).ShouldBe(HttpStatusCode.UnprocessableEntity, "TOKEN_NOT_CREATED/EMPTY_NAME");
        (await ada.Post("/api/account/tokens", new { name = "x", expiresInDays = 0 })).ShouldBe(HttpStatusCode.UnprocessableEntity, "TOKEN_NOT_CREATED/INVALID_EXPIRY");
        (await ada.Post("/api/account/tokens", new { name = "x", scope = "admin" })).ShouldBe(HttpStatusCode.UnprocessableEntity, "TOKEN_NOT_CREATED/INVALID_SCOPE");
    }

    [Fact]
    public async Task a_token_keeps_the_scope_it_was_made_with_and_is_full_by_default()
    {
        var ada = await SignedIn("Ada");

        Assert.Equal("read", (await ada.Post("/api/account/tokens", new { name = "reader", scope = "read" })).ShouldBe(HttpStatusCode.Created).String("scope"));
        Assert.Equal("full", (await ada.Post("/api/account/tokens", new { name = "anything" })).ShouldBe(HttpStatusCode.Created).String("scope"));
        (await ada.Post("/api/account/tokens", new { name = "proposer", scope = "suggest" })).ShouldBe(HttpStatusCode.Created);

        var listed = (await ada.Get("/api/account/tokens")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(
            ["anything: full", "proposer: suggest", "reader: read"],
            listed.Select(t => $"{t!["name"]}: {t["scope"]}").Order());
    }

    [Theory]
    [InlineData("Bearer qcw_not-a-real-token")]
    [InlineData("Bearer ")]
    public async Task an_unknown_bearer_token_is_unauthorised(string header)
    {
        var caller = Anonymous();
        caller.Http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        (await caller.Get("/api/projects")).ShouldBe(HttpStatusCode.Unauthorized, "AUTH/UNAUTHENTICATED");
    }
}
