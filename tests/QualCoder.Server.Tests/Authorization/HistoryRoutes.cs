using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>A project's history: everyone in the project reads it and its diffs; editors and owners restore (the preview too).</summary>
internal static class HistoryRoutes
{
    private const string Project = "/api/projects/{projectId:guid}";

    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", $"{Project}/history", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/history")),
        new("GET", $"{Project}/history/diff", "viewer", HttpStatusCode.OK, async c =>
            new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/history/diff?to={await Version(c)}"), ArrangesData: true),
        new("POST", $"{Project}/history/restore", "editor", HttpStatusCode.OK, async c =>
            Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/history/restore", new { version = await Version(c) }), ArrangesData: true),
    ];

    /// <summary>The owner makes a code, and the change becomes a version.</summary>
    private static async Task<int> Version(ProjectRouteMatrixTests.Cast c)
    {
        await c.Code(Unique("Versioned"));
        return await c.Seed.Version();
    }
}
