using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Projects;

/// <summary>Deleting needs the project's exact name as confirmation, so a stray request cannot do it.</summary>
public sealed record DeleteProject(Guid ProjectId, string? ConfirmName, Actor Actor);

public static class DeleteProjectHandler
{
    private const string Refused = "PROJECT_NOT_DELETED";

    public static Decision Decide(Project? project, DeleteProject command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Owner, Refused) is { } denied)
        {
            return denied;
        }

        return command.ConfirmName?.Trim() != project!.Name
            ? DomainError.Invalid(
                $"{Refused}/CONFIRMATION_REQUIRED",
                $"Deleting a project cannot be undone from the app. To confirm, send the project's name \"{project.Name}\" as confirmName.")
            : Decision.Accept(new ProjectDeleted(command.ProjectId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(DeleteProject command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync<Project>(command.ProjectId, null, p => Decide(p, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder projects) => projects
        .MapDelete("/{projectId:guid}", async (Guid projectId, string? confirmName, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new DeleteProject(projectId, confirmName, http.User.ToActor()), ct);
            return outcome.ToHttp(TypedResults.NoContent);
        })
        .WithName("DeleteProject")
        .WithSummary("Deletes a project (owners only); confirmName must be the project's name.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
