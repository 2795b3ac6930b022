using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Projects;

/// <summary>A project as one member sees it: with their own role, and the version to send back with changes.</summary>
public sealed record ProjectView(
    Guid Id,
    string Name,
    string Description,
    ProjectRole MyRole,
    int MemberCount,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ProjectView Of(Project project, Actor viewer) => new(
        project.Id,
        project.Name,
        project.Description,
        project.MemberOf(viewer.AccountId)?.Role ?? ProjectRole.Viewer,
        project.Members.Count,
        project.Version,
        project.CreatedAt,
        project.UpdatedAt);
}

public static class GetProject
{
    /// <summary>The project as <paramref name="actor"/> sees it, or NOT_FOUND when they are not a member.</summary>
    public static async Task<(DomainError? Error, ProjectView? Project)> QueryAsync(
        IQuerySession session, Guid projectId, Actor actor, string codePrefix, CancellationToken ct)
    {
        var project = await session.LoadAsync<Project>(projectId, ct);
        return ProjectAccess.Require(project, actor, ProjectRole.Viewer, codePrefix) is { } error
            ? (error, null)
            : (null, ProjectView.Of(project!, actor));
    }

    internal static void Map(RouteGroupBuilder projects) => projects
        .MapGet("/{projectId:guid}", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, project) = await QueryAsync(session, projectId, http.User.ToActor(), "PROJECT", ct);
            return error is not null ? error.ToProblem() : TypedResults.Ok(project!);
        })
        .WithName("GetProject")
        .WithSummary("One project the caller is a member of.")
        .Produces<ProjectView>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
