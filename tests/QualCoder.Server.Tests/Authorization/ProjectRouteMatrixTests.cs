using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>
/// Every project route, called by an anonymous caller, a non-member and each role: anonymous gets 401, a
/// non-member 404 (the project's existence is not revealed), a role below the route's minimum 403, others succeed.
/// </summary>
public sealed class ProjectRouteMatrixTests(QualCoderApp app) : IntegrationTest(app)
{
    private sealed record Route(string Method, string Pattern, string Minimum, HttpStatusCode Success, Func<Cast, HttpRequestMessage> Request);

    private static readonly Route[] Routes =
    [
        new("GET", "/api/projects/{projectId:guid}", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}")),
        new("PUT", "/api/projects/{projectId:guid}/name", "owner", HttpStatusCode.OK,
            c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/name", new { name = "Renamed" })),
        new("PUT", "/api/projects/{projectId:guid}/description", "owner", HttpStatusCode.OK,
            c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/description", new { description = "About" })),
        new("DELETE", "/api/projects/{projectId:guid}", "owner", HttpStatusCode.NoContent,
            c => new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}?confirmName=Matrix")),
        new("GET", "/api/projects/{projectId:guid}/members/", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/members")),
        new("POST", "/api/projects/{projectId:guid}/members/", "owner", HttpStatusCode.Created,
            c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/members", new { email = c.Newcomer.Email, role = "viewer" })),
        new("PUT", "/api/projects/{projectId:guid}/members/{accountId:guid}", "owner", HttpStatusCode.OK,
            c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/members/{c.Target.AccountId}", new { role = "coder" })),
        new("DELETE", "/api/projects/{projectId:guid}/members/{accountId:guid}", "owner", HttpStatusCode.NoContent,
            c => new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}/members/{c.Target.AccountId}")),
    ];

    private static readonly string[] Callers = ["anonymous", "outsider", "viewer", "coder", "editor", "owner"];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in Routes)
        {
            foreach (var caller in Callers)
            {
                data.Add(route.Method, route.Pattern, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task each_caller_gets_what_its_role_allows(string method, string pattern, string caller)
    {
        var route = Routes.Single(r => r.Method == method && r.Pattern == pattern);
        var cast = await Cast.Assemble(this);

        var reply = await cast.Caller(caller).Send(route.Request(cast));

        reply.ShouldBe(Expected(route, caller));
        if (reply.Status != route.Success)
        {
            Assert.NotNull(reply.Code);
            Assert.DoesNotContain("Matrix", reply.Text);
        }
    }

    [Fact]
    public async Task every_project_route_is_in_the_matrix()
    {
        var mapped = App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/projects/{projectId", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order()
            .ToList();

        Assert.Equal(Routes.Select(r => $"{r.Method} {r.Pattern}").Order(), mapped);
    }

    [Fact]
    public async Task a_deleted_project_is_not_found_for_every_route_and_every_former_member()
    {
        var cast = await Cast.Assemble(this);
        (await cast.Owner.Delete($"/api/projects/{cast.ProjectId}?confirmName=Matrix")).ShouldBe(HttpStatusCode.NoContent);

        foreach (var route in Routes)
        {
            foreach (var caller in Callers.Skip(1))
            {
                (await cast.Caller(caller).Send(route.Request(cast))).ShouldBe(HttpStatusCode.NotFound);
            }
        }
    }

    private static HttpStatusCode Expected(Route route, string caller) => caller switch
    {
        "anonymous" => HttpStatusCode.Unauthorized,
        "outsider" => HttpStatusCode.NotFound,
        _ when Rank(caller) < Rank(route.Minimum) => HttpStatusCode.Forbidden,
        _ => route.Success,
    };

    private static int Rank(string role) => Array.IndexOf(["viewer", "coder", "editor", "owner"], role);

    private static HttpRequestMessage Json(HttpMethod method, string url, object body) =>
        new(method, url) { Content = System.Net.Http.Json.JsonContent.Create(body) };

    /// <summary>A project named Matrix with one member of each role, a member to act on, and two outsiders.</summary>
    private sealed record Cast(Guid ProjectId, Dictionary<string, ApiClient> People, ApiClient Target, ApiClient Newcomer)
    {
        public ApiClient Owner => People["owner"];

        public ApiClient Caller(string name) => People[name];

        public static async Task<Cast> Assemble(ProjectRouteMatrixTests test)
        {
            var owner = await test.SignedIn("Owner");
            var projectId = await owner.CreateProject("Matrix");
            var people = new Dictionary<string, ApiClient> { ["owner"] = owner, ["anonymous"] = test.Anonymous(), ["outsider"] = await test.SignedIn("Outsider") };
            foreach (var role in new[] { "viewer", "coder", "editor" })
            {
                people[role] = await test.SignedIn(role);
                await owner.AddMember(projectId, people[role], role);
            }

            var target = await test.SignedIn("Target");
            await owner.AddMember(projectId, target, "viewer");
            return new Cast(projectId, people, target, await test.SignedIn("Newcomer"));
        }
    }
}
