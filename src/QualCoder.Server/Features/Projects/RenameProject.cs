using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Projects;

public sealed record RenameProject(Guid ProjectId, string Name, long? ExpectedVersion, Actor Actor);

public sealed record RenameProjectRequest(string Name, long? ExpectedVersion = null);

public static class RenameProjectHandler
{
    private const string Refused = "PROJECT_NOT_RENAMED";

    public static Decision Decide(Project? project, RenameProject command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Owner, Refused) is { } denied)
        {
            return denied;
        }

        if (Names.Check(command.Name, CreateProjectHandler.MaxNameLength, Refused, "project name", out var name) is { } invalid)
        {
            return invalid;
        }

        return name == project!.Name
            ? Decision.Accept()
            : Decision.Accept(new ProjectRenamed(command.ProjectId, name, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RenameProject command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync<Project>(command.ProjectId, command.ExpectedVersion, p => Decide(p, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder projects) => projects
        .MapPut("/{projectId:guid}/name", (Guid projectId, RenameProjectRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendAsync(new RenameProject(projectId, body.Name, body.ExpectedVersion, actor), projectId, actor, session, ct);
        })
        .WithName("RenameProject")
        .WithSummary("Renames a project (owners only). Send expectedVersion to refuse the change if someone else changed the project first.")
        .Produces<ProjectView>()
        .ProducesProblem(StatusCodes.Status409Conflict);
}
