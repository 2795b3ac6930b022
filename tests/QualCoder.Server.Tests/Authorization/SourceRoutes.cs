using System.Net;
using System.Text;
using QualCoder.Server.Tests.Features.Sources;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

internal static class SourceRoutes
{
    private const string Sources = "/api/projects/{projectId:guid}/sources";

    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", $"{Sources}/", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/sources")),
        new("GET", $"{Sources}/{{sourceId:guid}}", "viewer", HttpStatusCode.OK,
            async c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/sources/{await c.Owner.AddSource(c.ProjectId, Unique("Interview"))}"),
            ArrangesData: true),
        new("GET", $"{Sources}/{{sourceId:guid}}/text", "viewer", HttpStatusCode.OK,
            async c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/sources/{await c.Owner.AddSource(c.ProjectId, Unique("Interview"))}/text?start=2&end=4"),
            ArrangesData: true),
        Simple("POST", $"{Sources}/", "editor", HttpStatusCode.Created,
            c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/sources", new { name = "Pasted", content = "Some text" })),
        Simple("POST", $"{Sources}/upload", "editor", HttpStatusCode.Created,
            c => SourceRequests.Upload(c.ProjectId, "notes.txt", Encoding.UTF8.GetBytes("Uploaded text"))),
        new("PUT", $"{Sources}/{{sourceId:guid}}/name", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/sources/{await c.Owner.AddSource(c.ProjectId, Unique("Interview"))}/name", new { name = "Renamed" }),
            ArrangesData: true),
        new("PUT", $"{Sources}/{{sourceId:guid}}/memo", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/sources/{await c.Owner.AddSource(c.ProjectId, Unique("Interview"))}/memo", new { memo = "Read twice" }),
            ArrangesData: true),
        new("PUT", $"{Sources}/{{sourceId:guid}}/origin", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/sources/{await c.Owner.AddSource(c.ProjectId, Unique("Interview"))}/origin", new { origin = "Ward B" }),
            ArrangesData: true),
        new("PUT", $"{Sources}/{{sourceId:guid}}/folder", "editor", HttpStatusCode.OK,
            async c =>
            {
                var folderId = await c.Owner.CreateFolder(c.ProjectId, Unique("Fieldwork"));
                return Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/sources/{await c.Owner.AddSource(c.ProjectId, Unique("Interview"))}/folder", new { folderId });
            },
            ArrangesData: true),
        new("DELETE", $"{Sources}/{{sourceId:guid}}", "editor", HttpStatusCode.OK,
            async c => new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}/sources/{await c.Owner.AddSource(c.ProjectId, Unique("Interview"))}?confirm=true"),
            ArrangesData: true),
    ];
}
