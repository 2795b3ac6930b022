using System.Net;
using System.Net.Http.Json;
using QualCoder.Server.Hosting;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>Behind a TLS-terminating proxy, and the security headers every answer carries.</summary>
public sealed class ReverseProxyAndHeadersTests(QualCoderApp app) : IntegrationTest(app)
{
    public static TheoryData<string> Answers() => new()
    {
        "/api/projects", // signed in: 200
        "/api/no-such-route", // the API's own 404 problem
        "/", // the browser app (or the page saying it is not built)
        "/projects/123", // a client route
        "/health/ready",
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task every_answer_carries_the_security_headers(string path)
    {
        var client = await SignedIn("Ada");
        using var response = await client.Http.GetAsync(path);

        AssertSecurityHeaders(response, SecurityHeaders.ContentSecurityPolicy);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain http");
    }

    [Fact]
    public async Task errors_carry_them_too()
    {
        using var unauthenticated = await Anonymous().Http.GetAsync("/api/projects");
        using var malformed = await (await SignedIn("Ada")).Http.PostAsync("/api/projects", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        AssertSecurityHeaders(unauthenticated, SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        AssertSecurityHeaders(malformed, SecurityHeaders.ContentSecurityPolicy);
    }

    [Fact]
    public async Task the_api_reference_gets_the_policy_its_inline_setup_needs()
    {
        using var response = await Anonymous().Http.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, SecurityHeaders.ApiReferencePolicy);
    }

    [Fact]
    public async Task behind_a_tls_proxy_the_cookie_is_secure_and_hsts_is_sent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
        {
            Content = JsonContent.Create(new { email = "ada@example.org", displayName = "Ada", password = "a long passphrase" }),
        };
        // The test client connects from loopback, which is a trusted proxy by default.
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await Anonymous().Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qualcoder.session=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task over_plain_http_the_cookie_is_not_marked_secure()
    {
        using var response = await Anonymous().Http.PostAsJsonAsync("/api/accounts",
            new { email = "ada@example.org", displayName = "Ada", password = "a long passphrase" });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qualcoder.session=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, string policy)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(policy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}

/// <summary>
/// The keys that sign session cookies are in PostgreSQL: a cookie one server issued opens a second server on the
/// same database, as after a restart or a new container.
/// </summary>
public sealed class SessionKeyTests
{
    [Fact]
    public async Task a_cookie_issued_by_one_instance_signs_in_at_another_on_the_same_database()
    {
        var first = new QualCoderApp();
        await first.InitializeAsync();
        var second = new SameDatabaseApp(first.ConnectionString);
        try
        {
            using var registering = first.NewClient();
            using var registered = await registering.Http.PostAsJsonAsync("/api/accounts",
                new { email = "ada@example.org", displayName = "Ada", password = "a long passphrase" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var cookie = Assert.Single(registered.Headers.GetValues("Set-Cookie"), c => c.StartsWith("qualcoder.session=", StringComparison.Ordinal)).Split(';')[0];

            await second.InitializeAsync();
            using var visiting = second.NewClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Add("Cookie", cookie);
            using var me = await visiting.Http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Contains("ada@example.org", await me.Content.ReadAsStringAsync());
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
        }
    }

    private sealed class SameDatabaseApp(string connectionString) : QualCoderApp
    {
        protected override Task<string> OpenDatabaseAsync() => Task.FromResult(connectionString);

        protected override Task CloseDatabaseAsync() => Task.CompletedTask;
    }
}
