using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>The routes outside any project: which ones an anonymous caller may use, and that every other one says 401.</summary>
public sealed class AccountRouteTests(QualCoderApp app) : IntegrationTest(app)
{
    private static readonly string[] OpenToAnonymous =
    [
        "POST /api/accounts", "POST /api/auth/sign-in", "POST /api/auth/sign-out", "GET /openapi/{documentName}.json",
        // The browser app's pages (index.html for client routes, or the "not built" page): the sign-in page is one.
        "GET {*path:nonfile:clientroute}", "HEAD {*path:nonfile:clientroute}",
        // Probes of Docker, a load balancer or an orchestrator: up, and ready (the database answers).
        "GET /health/live", "HEAD /health/live", "GET /health/ready", "HEAD /health/ready",
    ];

    public static TheoryData<string, string> SignedInOnly() => new()
    {
        { "GET", "/api/projects" },
        { "POST", "/api/projects" },
        { "POST", "/api/projects/import" },
        { "GET", "/api/auth/me" },
        { "GET", "/api/account/tokens" },
        { "POST", "/api/account/tokens" },
        { "DELETE", $"/api/account/tokens/{Guid.NewGuid()}" },
        { "POST", "/hubs/project/negotiate?negotiateVersion=1" },
    };

    [Theory]
    [MemberData(nameof(SignedInOnly))]
    public async Task an_anonymous_caller_is_told_to_sign_in(string method, string url)
    {
        var reply = await Anonymous().Send(new HttpMethod(method), url, method is "POST" ? new { name = "x" } : null);

        reply.ShouldBe(HttpStatusCode.Unauthorized, "AUTH/UNAUTHENTICATED");
    }

    [Fact]
    public async Task a_signed_in_caller_may_open_the_live_channel()
    {
        var ada = await SignedIn("Ada");

        (await ada.Post("/hubs/project/negotiate?negotiateVersion=1")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task only_the_listed_routes_admit_anonymous_callers()
    {
        var anonymous = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null)
            .Where(e => e.RoutePattern.RawText?.StartsWith("/scalar", StringComparison.Ordinal) != true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order();

        Assert.Equal(OpenToAnonymous.Order(), anonymous);
    }
}
