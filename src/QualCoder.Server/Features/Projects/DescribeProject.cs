using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Projects;

public sealed record DescribeProject(Guid ProjectId, string? Description, long? ExpectedVersion, Actor Actor);

public sealed record DescribeProjectRequest(string? Description, long? ExpectedVersion = null);

public static class DescribeProjectHandler
{
    private const string Refused = "PROJECT_NOT_DESCRIBED";

    public static Decision Decide(Project? project, DescribeProject command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Owner, Refused) is { } denied)
        {
            return denied;
        }

        if (CreateProjectHandler.CheckDescription(command.Description, Refused, out var description) is { } invalid)
        {
            return invalid;
        }

        return description == project!.Description
            ? Decision.Accept()
            : Decision.Accept(new ProjectDescribed(command.ProjectId, description, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(DescribeProject command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync<Project>(command.ProjectId, command.ExpectedVersion, p => Decide(p, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder projects) => projects
        .MapPut("/{projectId:guid}/description", (Guid projectId, DescribeProjectRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendAsync(new DescribeProject(projectId, body.Description, body.ExpectedVersion, actor), projectId, actor, session, ct);
        })
        .WithName("DescribeProject")
        .WithSummary("Sets or clears a project's description (owners only).")
        .Produces<ProjectView>()
        .ProducesProblem(StatusCodes.Status409Conflict);
}
