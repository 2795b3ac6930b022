using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>The codebook's routes: everyone in the project reads it; editors and owners change it.</summary>
internal static class CodebookRoutes
{
    private const string Project = "/api/projects/{projectId:guid}";

    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", $"{Project}/codebook", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/codebook")),
        Simple("GET", $"{Project}/codes", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/codes")),
        Simple("POST", $"{Project}/codes", "editor", HttpStatusCode.Created,
            c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/codes", new { name = "Tiredness", color = "#abc" })),
        Arranged("GET", $"{Project}/codes/{{codeId:guid}}", "viewer", HttpStatusCode.OK, async c =>
            new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/codes/{await Code(c)}")),
        Arranged("PUT", $"{Project}/codes/{{codeId:guid}}/name", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/codes/{await Code(c)}/name", new { name = "Exhaustion" })),
        Arranged("PUT", $"{Project}/codes/{{codeId:guid}}/color", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/codes/{await Code(c)}/color", new { color = "#123456" })),
        Arranged("PUT", $"{Project}/codes/{{codeId:guid}}/memo", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/codes/{await Code(c)}/memo", new { memo = "Said of long shifts." })),
        Arranged("PUT", $"{Project}/codes/{{codeId:guid}}/category", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/codes/{await Code(c)}/category", new { categoryId = await Category(c) })),
        Arranged("POST", $"{Project}/codes/{{codeId:guid}}/merge", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/codes/{await Code(c)}/merge", new { intoCodeId = await Code(c, "Fatigue") })),
        Arranged("DELETE", $"{Project}/codes/{{codeId:guid}}", "editor", HttpStatusCode.NoContent, async c =>
            new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}/codes/{await Code(c)}")),
        Simple("POST", $"{Project}/categories", "editor", HttpStatusCode.Created,
            c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/categories", new { name = "Work" })),
        Arranged("GET", $"{Project}/categories/{{categoryId:guid}}", "viewer", HttpStatusCode.OK, async c =>
            new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/categories/{await Category(c)}")),
        Arranged("PUT", $"{Project}/categories/{{categoryId:guid}}/name", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/categories/{await Category(c)}/name", new { name = "Workload" })),
        Arranged("PUT", $"{Project}/categories/{{categoryId:guid}}/parent", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/categories/{await Category(c)}/parent", new { parentId = await Category(c, "Context") })),
        Arranged("PUT", $"{Project}/categories/{{categoryId:guid}}/memo", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/categories/{await Category(c)}/memo", new { memo = "About the job." })),
        Arranged("DELETE", $"{Project}/categories/{{categoryId:guid}}", "editor", HttpStatusCode.NoContent, async c =>
            new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}/categories/{await Category(c)}")),
    ];

    private static ProjectRoute Arranged(
        string method, string pattern, string minimum, HttpStatusCode success, Func<ProjectRouteMatrixTests.Cast, Task<HttpRequestMessage>> request) =>
        new(method, pattern, minimum, success, request, ArrangesData: true);

    /// <summary>The owner makes a code to act on.</summary>
    private static async Task<Guid> Code(ProjectRouteMatrixTests.Cast c, string name = "Tiredness") =>
        (await c.Owner.Post($"/api/projects/{c.ProjectId}/codes", new { name = Unique(name), color = "#e6194b" })).ShouldBe(HttpStatusCode.Created).Guid("id");

    /// <summary>The owner makes a category to act on.</summary>
    private static async Task<Guid> Category(ProjectRouteMatrixTests.Cast c, string name = "Work") =>
        (await c.Owner.Post($"/api/projects/{c.ProjectId}/categories", new { name = Unique(name) })).ShouldBe(HttpStatusCode.Created).Guid("id");
}
