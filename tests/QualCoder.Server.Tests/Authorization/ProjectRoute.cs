using System.Net;
using System.Net.Http.Json;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>
/// One project route as the authorisation matrix calls it. <see cref="Request"/> may first arrange data as the
/// project's owner (create a code to rename, say) before it builds the request a caller then sends.
/// </summary>
internal sealed record ProjectRoute(
    string Method,
    string Pattern,
    string Minimum,
    HttpStatusCode Success,
    Func<ProjectRouteMatrixTests.Cast, Task<HttpRequestMessage>> Request,
    bool ArrangesData = false)
{
    public static ProjectRoute Simple(string method, string pattern, string minimum, HttpStatusCode success, Func<ProjectRouteMatrixTests.Cast, HttpRequestMessage> request) =>
        new(method, pattern, minimum, success, cast => Task.FromResult(request(cast)));

    public static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url) { Content = JsonContent.Create(body) };

    /// <summary>A name no other arranged thing has: several routes arrange data in one project when it is deleted.</summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid():N}";
}

/// <summary>Every route under /api/projects/{projectId}, one list per feature.</summary>
internal static class ProjectRoutes
{
    public static IEnumerable<ProjectRoute> All =>
        [.. ProjectsAndMembers.Routes, .. CodebookRoutes.Routes, .. FolderRoutes.Routes, .. SourceRoutes.Routes, .. CodingRoutes.Routes, .. SuggestionRoutes.Routes, .. SearchRoutes.Routes, .. HistoryRoutes.Routes];
}
