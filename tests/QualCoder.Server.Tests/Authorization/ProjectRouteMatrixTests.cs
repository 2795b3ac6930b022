using System.Net;
using System.Net.Http.Headers;
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
    private static readonly string[] Callers = ["anonymous", "outsider", "viewer", "coder", "editor", "owner"];

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in ProjectRoutes.All)
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
        var route = ProjectRoutes.All.Single(r => r.Method == method && r.Pattern == pattern);
        var cast = await Cast.Assemble(this);
        var request = await route.Request(cast);

        var reply = await cast.Caller(caller).Send(request);

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

        Assert.Equal(ProjectRoutes.All.Select(r => $"{r.Method} {r.Pattern}").Order(), mapped);
    }

    [Fact]
    public async Task a_deleted_project_is_not_found_for_every_route_and_every_former_member()
    {
        var cast = await Cast.Assemble(this);
        // Requests are built while the project lives (routes on a code, source or coding need one to exist first).
        var requests = new List<(ProjectRoute Route, HttpMethod Method, Uri? Uri, byte[]? Body, MediaTypeHeaderValue? Type)>();
        foreach (var route in ProjectRoutes.All)
        {
            var request = await route.Request(cast);
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync();
            requests.Add((route, request.Method, request.RequestUri, body, request.Content?.Headers.ContentType));
        }

        (await cast.Owner.Delete($"/api/projects/{cast.ProjectId}?confirmName=Matrix")).ShouldBe(HttpStatusCode.NoContent);

        foreach (var (route, method, uri, body, type) in requests)
        {
            foreach (var caller in Callers.Skip(1))
            {
                var content = body is null ? null : new ByteArrayContent(body) { Headers = { ContentType = type } };
                var reply = await cast.Caller(caller).Send(new HttpRequestMessage(method, uri) { Content = content });
                Assert.True(reply.Status == HttpStatusCode.NotFound, $"{caller} {route.Method} {route.Pattern}: {reply.Text}");
            }
        }
    }

    private static HttpStatusCode Expected(ProjectRoute route, string caller) => caller switch
    {
        "anonymous" => HttpStatusCode.Unauthorized,
        "outsider" => HttpStatusCode.NotFound,
        _ when Rank(caller) < Rank(route.Minimum) => HttpStatusCode.Forbidden,
        _ => route.Success,
    };

    private static int Rank(string role) => Array.IndexOf(["viewer", "coder", "editor", "owner"], role);

    /// <summary>A project named Matrix with one member of each role, a member to act on, and two outsiders.</summary>
    internal sealed record Cast(Guid ProjectId, Dictionary<string, ApiClient> People, ApiClient Target, ApiClient Newcomer, Seed Seed)
    {
        public Task<Guid> Code(string name = "Matrix code") => Seed.Code(name);

        public Task<Guid> Source() => Seed.Source("Hello world, this is an interview.", $"Source {Guid.NewGuid():N}");

        /// <summary>A coding made by the owner, for routes that change an existing coding.</summary>
        public async Task<Guid> OwnersSegment()
        {
            var reply = await Owner.Post($"/api/projects/{ProjectId}/segments", new { sourceId = await Source(), codeId = await Code("Owner's"), start = 0, end = 5 });
            return reply.ShouldBe(HttpStatusCode.Created).Guid("id");
        }

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
            return new Cast(projectId, people, target, await test.SignedIn("Newcomer"), new Seed(test.App, projectId, owner.AccountId));
        }
    }
}
