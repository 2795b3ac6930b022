using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Accounts;

public sealed class RegistrationAndSignInTests(QualCoderApp app) : IntegrationTest(app)
{
    private static object Registration(string email, string password = "a long passphrase", string displayName = "Ada") =>
        new { email, displayName, password };

    [Fact]
    public async Task the_first_account_becomes_server_admin_and_later_ones_do_not()
    {
        var first = (await Anonymous().Post("/api/accounts", Registration(" Ada@Example.ORG "))).ShouldBe(HttpStatusCode.Created);
        var second = (await Anonymous().Post("/api/accounts", Registration("bob@example.org"))).ShouldBe(HttpStatusCode.Created);

        Assert.Equal("ada@example.org", first.String("email"));
        Assert.True(first["isServerAdmin"].GetValue<bool>());
        Assert.False(second["isServerAdmin"].GetValue<bool>());
        Assert.DoesNotContain("passwordHash", first.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task people_registering_at_once_on_an_empty_server_make_exactly_one_administrator()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Anonymous().Post("/api/accounts", Registration($"person{i}@example.org"))));

        Assert.All(replies, r => r.ShouldBe(HttpStatusCode.Created));
        Assert.Single(replies, r => r["isServerAdmin"].GetValue<bool>());
    }

    [Fact]
    public async Task registering_signs_the_browser_in()
    {
        var ada = Anonymous();
        (await ada.Post("/api/accounts", Registration("ada@example.org"))).ShouldBe(HttpStatusCode.Created);

        var me = (await ada.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("ada@example.org", me.String("email"));
    }

    [Fact]
    public async Task an_email_registers_once_whatever_its_case()
    {
        (await Anonymous().Post("/api/accounts", Registration("ada@example.org"))).ShouldBe(HttpStatusCode.Created);

        (await Anonymous().Post("/api/accounts", Registration("ADA@example.org")))
            .ShouldBe(HttpStatusCode.Conflict, "ACCOUNT_NOT_REGISTERED/DUPLICATE_EMAIL");
    }

    [Theory]
    [InlineData("not-an-email", "a long passphrase", "ACCOUNT_NOT_REGISTERED/INVALID_EMAIL")]
    [InlineData("ada@example.org", "short", "ACCOUNT_NOT_REGISTERED/WEAK_PASSWORD")]
    [InlineData("ada@example.org", "ada@example.org", "ACCOUNT_NOT_REGISTERED/WEAK_PASSWORD")]
    public async Task bad_registrations_are_refused_and_nothing_is_kept(string email, string password, string code)
    {
        (await Anonymous().Post("/api/accounts", Registration(email, password))).ShouldBe(HttpStatusCode.UnprocessableEntity, code);

        (await Anonymous().Post("/api/accounts", Registration("ada@example.org"))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task sign_in_with_the_right_password_and_out_again()
    {
        (await Anonymous().Post("/api/accounts", Registration("ada@example.org"))).ShouldBe(HttpStatusCode.Created);
        var browser = Anonymous();

        (await browser.Post("/api/auth/sign-in", new { email = "Ada@example.org", password = "a long passphrase" })).ShouldBe(HttpStatusCode.OK);
        (await browser.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK);

        (await browser.Post("/api/auth/sign-out")).ShouldBe(HttpStatusCode.NoContent);
        (await browser.Get("/api/auth/me")).ShouldBe(HttpStatusCode.Unauthorized, "AUTH/UNAUTHENTICATED");
    }

    [Theory]
    [InlineData("ada@example.org", "the wrong passphrase")]
    [InlineData("nobody@example.org", "a long passphrase")]
    public async Task a_wrong_password_or_unknown_email_gets_the_same_answer(string email, string password)
    {
        (await Anonymous().Post("/api/accounts", Registration("ada@example.org"))).ShouldBe(HttpStatusCode.Created);
        var browser = Anonymous();

        (await browser.Post("/api/auth/sign-in", new { email, password })).ShouldBe(HttpStatusCode.Unauthorized, "SIGN_IN_FAILED/INVALID_CREDENTIALS");
        (await browser.Get("/api/auth/me")).ShouldBe(HttpStatusCode.Unauthorized);
    }
}

public sealed class ClosedRegistrationApp : QualCoderApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["QualCoder:Registration:Open"] = "false" };
}

public sealed class ClosedRegistrationTests(ClosedRegistrationApp app) : IntegrationTest<ClosedRegistrationApp>(app)
{
    [Fact]
    public async Task a_closed_server_admits_only_its_first_account()
    {
        (await Anonymous().Post("/api/accounts", new { email = "admin@example.org", displayName = "Admin", password = "a long passphrase" }))
            .ShouldBe(HttpStatusCode.Created);

        (await Anonymous().Post("/api/accounts", new { email = "bob@example.org", displayName = "Bob", password = "a long passphrase" }))
            .ShouldBe(HttpStatusCode.Forbidden, "ACCOUNT_NOT_REGISTERED/REGISTRATION_CLOSED");
    }
}
