using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

internal static class SearchRoutes
{
    public static readonly ProjectRoute[] Routes =
    [
        new("GET", "/api/projects/{projectId:guid}/search", "viewer", HttpStatusCode.OK,
            async c =>
            {
                await c.Source();
                return new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/search?text=interview");
            },
            ArrangesData: true),
    ];
}
