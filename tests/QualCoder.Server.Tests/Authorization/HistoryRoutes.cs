using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

internal static class HistoryRoutes
{
    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", "/api/projects/{projectId:guid}/history", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/history")),
    ];
}
