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
    internal static void Map(RouteGroupBuilder projects) => projects
        .MapGet("/{projectId:guid}", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var project = await session.LoadAsync<Project>(projectId, ct);
            return ProjectAccess.Require(project, actor, ProjectRole.Viewer, "PROJECT") is { } error
                ? error.ToProblem()
                : TypedResults.Ok(ProjectView.Of(project!, actor));
        })
        .WithName("GetProject")
        .WithSummary("One project the caller is a member of.")
        .Produces<ProjectView>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
