using Marten;
using Wolverine;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Projects;

public sealed record CreateProject(Guid ProjectId, string Name, string? Description, Actor Actor);

public sealed record CreateProjectRequest(string Name, string? Description = null);

public static class CreateProjectHandler
{
    public const int MaxNameLength = 100;
    public const int MaxDescriptionLength = 2000;

    public static Decision Decide(CreateProject command, DateTimeOffset now)
    {
        if (Names.Check(command.Name, MaxNameLength, "PROJECT_NOT_CREATED", "project name", out var name) is { } error)
        {
            return error;
        }

        return CheckDescription(command.Description, "PROJECT_NOT_CREATED", out var description) is { } tooLong
            ? tooLong
            : Decision.Accept(new ProjectCreated(command.ProjectId, name, description, command.Actor, now));
    }

    public static DomainError? CheckDescription(string? raw, string codePrefix, out string description)
    {
        description = (raw ?? "").Trim();
        return description.EnumerateRunes().Count() > MaxDescriptionLength
            ? DomainError.Invalid($"{codePrefix}/DESCRIPTION_TOO_LONG", $"A project description may have at most {MaxDescriptionLength} characters.")
            : null;
    }

    public static CommandOutcome Handle(CreateProject command, IDocumentSession session, TimeProvider clock)
    {
        var decision = Decide(command, clock.GetUtcNow());
        if (decision.Error is { } error)
        {
            return CommandOutcome.Rejected(error);
        }

        session.Events.StartStream<Project>(command.ProjectId, decision.Events.ToArray());
        return CommandOutcome.Accepted(decision.Events.Count);
    }

    internal static void Map(RouteGroupBuilder projects) => projects
        .MapPost("/", async (CreateProjectRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var command = new CreateProject(Guid.CreateVersion7(), body.Name, body.Description, actor);
            var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
            if (outcome.Error is { } error)
            {
                return error.ToProblem();
            }

            var project = await session.LoadAsync<Project>(command.ProjectId, ct);
            return TypedResults.Created($"/api/projects/{command.ProjectId}", ProjectView.Of(project!, actor));
        })
        .WithName("CreateProject")
        .WithSummary("Creates a project; the caller becomes its owner.")
        .Produces<ProjectView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
