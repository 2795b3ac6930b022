using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

internal static class ProjectsAndMembers
{
    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", "/api/projects/{projectId:guid}", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}")),
        Simple("PUT", "/api/projects/{projectId:guid}/name", "owner", HttpStatusCode.OK,
            c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/name", new { name = "Renamed" })),
        Simple("PUT", "/api/projects/{projectId:guid}/description", "owner", HttpStatusCode.OK,
            c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/description", new { description = "About" })),
        Simple("DELETE", "/api/projects/{projectId:guid}", "owner", HttpStatusCode.NoContent,
            c => new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}?confirmName=Matrix")),
        Simple("GET", "/api/projects/{projectId:guid}/members/", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/members")),
        Simple("POST", "/api/projects/{projectId:guid}/members/", "owner", HttpStatusCode.Created,
            c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/members", new { email = c.Newcomer.Email, role = "viewer" })),
        Simple("PUT", "/api/projects/{projectId:guid}/members/{accountId:guid}", "owner", HttpStatusCode.OK,
            c => Json(HttpMethod.Put, $"/api/projects/{c.ProjectId}/members/{c.Target.AccountId}", new { role = "coder" })),
        Simple("DELETE", "/api/projects/{projectId:guid}/members/{accountId:guid}", "owner", HttpStatusCode.NoContent,
            c => new(HttpMethod.Delete, $"/api/projects/{c.ProjectId}/members/{c.Target.AccountId}")),
    ];
}
