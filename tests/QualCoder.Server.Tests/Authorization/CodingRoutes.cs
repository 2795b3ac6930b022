using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>Coding routes. Changes to an existing coding are tried on the owner's coding: coders may change only their own.</summary>
internal static class CodingRoutes
{
    public static readonly ProjectRoute[] Routes =
    [
        Arranged("POST", "/api/projects/{projectId:guid}/segments/", "coder", HttpStatusCode.Created,
            async c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/segments", new { sourceId = await c.Source(), codeId = await c.Code(), start = 0, end = 5 })),
        Arranged("POST", "/api/projects/{projectId:guid}/segments/batch", "coder", HttpStatusCode.OK,
            async c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/segments/batch", new { items = new[] { new { sourceId = await c.Source(), codeId = await c.Code(), start = 0, end = 5 } } })),
        Arranged("POST", "/api/projects/{projectId:guid}/segments/in-vivo", "editor", HttpStatusCode.Created,
            async c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/segments/in-vivo", new { sourceId = await c.Source(), start = 0, end = 5 })),
        Arranged("DELETE", "/api/projects/{projectId:guid}/segments/{segmentId:guid}", "editor", HttpStatusCode.NoContent,
            async c => new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}/segments/{await c.OwnersSegment()}")),
        Arranged("PUT", "/api/projects/{projectId:guid}/segments/{segmentId:guid}/memo", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/segments/{await c.OwnersSegment()}/memo", new { memo = "Note" })),
        Arranged("PUT", "/api/projects/{projectId:guid}/segments/{segmentId:guid}/importance", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/segments/{await c.OwnersSegment()}/importance", new { importance = 2 })),
        Arranged("PUT", "/api/projects/{projectId:guid}/segments/{segmentId:guid}/span", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/segments/{await c.OwnersSegment()}/span", new { start = 1, end = 4 })),
        Arranged("PUT", "/api/projects/{projectId:guid}/segments/{segmentId:guid}/code", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/segments/{await c.OwnersSegment()}/code", new { codeId = await c.Code("Other") })),
        Arranged("GET", "/api/projects/{projectId:guid}/sources/{sourceId:guid}/segments", "viewer", HttpStatusCode.OK,
            async c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/sources/{await c.Source()}/segments")),
        Arranged("GET", "/api/projects/{projectId:guid}/codes/{codeId:guid}/segments", "viewer", HttpStatusCode.OK,
            async c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/codes/{await c.Code()}/segments")),
        Arranged("GET", "/api/projects/{projectId:guid}/sources/{sourceId:guid}/uncoded", "viewer", HttpStatusCode.OK,
            async c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/sources/{await c.Source()}/uncoded")),
        Simple("GET", "/api/projects/{projectId:guid}/coding/counts", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/coding/counts")),
    ];

    private static ProjectRoute Arranged(string method, string pattern, string minimum, HttpStatusCode success, Func<ProjectRouteMatrixTests.Cast, Task<HttpRequestMessage>> request) =>
        new(method, pattern, minimum, success, request, ArrangesData: true);
}
