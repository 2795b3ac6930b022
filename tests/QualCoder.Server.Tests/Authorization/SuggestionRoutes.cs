using System.Net;
using static QualCoder.Server.Tests.Authorization.ProjectRoute;

namespace QualCoder.Server.Tests.Authorization;

/// <summary>
/// The review queue's routes: everyone reads it; coders and up review coding suggestions (those arranged here). The
/// suggestions are seeded: agents make them over MCP, there is no HTTP route for it.
/// </summary>
internal static class SuggestionRoutes
{
    private const string Suggestions = "/api/projects/{projectId:guid}/suggestions";

    public static readonly ProjectRoute[] Routes =
    [
        Simple("GET", $"{Suggestions}/", "viewer", HttpStatusCode.OK,
            c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/suggestions")),
        Arranged("GET", $"{Suggestions}/{{suggestionId:guid}}", "viewer", HttpStatusCode.OK,
            async c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/suggestions/{await Suggestion(c)}")),
        Arranged("POST", $"{Suggestions}/{{suggestionId:guid}}/approve", "coder", HttpStatusCode.OK,
            async c => new(HttpMethod.Post, $"/api/projects/{c.ProjectId}/suggestions/{await Suggestion(c)}/approve")),
        Arranged("POST", $"{Suggestions}/{{suggestionId:guid}}/reject", "coder", HttpStatusCode.OK,
            async c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/suggestions/{await Suggestion(c)}/reject", new { reason = "Not this" })),
        Arranged("GET", $"{Suggestions}/batches/{{batchId:guid}}", "viewer", HttpStatusCode.OK,
            async c => new(HttpMethod.Get, $"/api/projects/{c.ProjectId}/suggestions/batches/{await Batch(c)}")),
        Arranged("POST", $"{Suggestions}/batches/{{batchId:guid}}/approve", "coder", HttpStatusCode.OK,
            async c => new(HttpMethod.Post, $"/api/projects/{c.ProjectId}/suggestions/batches/{await Batch(c)}/approve")),
        Arranged("POST", $"{Suggestions}/batches/{{batchId:guid}}/reject", "coder", HttpStatusCode.OK,
            async c => Json(HttpMethod.Post, $"/api/projects/{c.ProjectId}/suggestions/batches/{await Batch(c)}/reject", new { reason = "Not these" })),
    ];

    private static async Task<Guid> Suggestion(ProjectRouteMatrixTests.Cast c, Guid? batchId = null) =>
        await c.Seed.CodingSuggestion(await c.Source(), await c.Code(Unique("Suggested")), "Hello", batchId);

    private static async Task<Guid> Batch(ProjectRouteMatrixTests.Cast c)
    {
        var batchId = Guid.CreateVersion7();
        await Suggestion(c, batchId);
        return batchId;
    }

    private static ProjectRoute Arranged(string method, string pattern, string minimum, HttpStatusCode success, Func<ProjectRouteMatrixTests.Cast, Task<HttpRequestMessage>> request) =>
        new(method, pattern, minimum, success, request, ArrangesData: true);
}
