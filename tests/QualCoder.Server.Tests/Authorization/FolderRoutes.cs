using System.Net;
using QualCoder.Server.Tests.Features.Sources;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

internal static class FolderRoutes
{
    private const string Folders = "/api/projects/{projectId:guid}/folders";

    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", $"{Folders}/", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/folders")),
        Simple("POST", $"{Folders}/", "editor", HttpStatusCode.Created,
            c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/folders", new { name = "Fieldwork" })),
        new("PUT", $"{Folders}/{{folderId:guid}}/name", "editor", HttpStatusCode.OK,
            async c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/folders/{await c.Owner.CreateFolder(c.ProjectId, Unique("Fieldwork"))}/name", new { name = "Field notes" }),
            ArrangesData: true),
        new("PUT", $"{Folders}/{{folderId:guid}}/parent", "editor", HttpStatusCode.OK,
            async c =>
            {
                var parentId = await c.Owner.CreateFolder(c.ProjectId, Unique("Fieldwork"));
                var folderId = await c.Owner.CreateFolder(c.ProjectId, Unique("Ward A"));
                return Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/folders/{folderId}/parent", new { parentId });
            },
            ArrangesData: true),
        new("DELETE", $"{Folders}/{{folderId:guid}}", "editor", HttpStatusCode.NoContent,
            async c => new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}/folders/{await c.Owner.CreateFolder(c.ProjectId, Unique("Fieldwork"))}"),
            ArrangesData: true),
    ];
}
