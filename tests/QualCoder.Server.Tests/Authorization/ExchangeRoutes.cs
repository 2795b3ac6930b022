using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>Exporting a project: owners only (the file holds its whole history). Importing makes a new project, so it is an account route.</summary>
internal static class ExchangeRoutes
{
    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", "/api/projects/{projectId:guid}/export", "owner", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/export")),
    ];
}
