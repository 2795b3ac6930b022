using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

public sealed record RenameSource(Guid ProjectId, Guid SourceId, string Name, long? ExpectedVersion, Actor Actor);

public sealed record RenameSourceRequest(string Name, long? ExpectedVersion = null);

public static class RenameSourceHandler
{
    private const string Refused = "SOURCE_NOT_RENAMED";

    /// <param name="sameNames">Names of the project's other sources that may clash with the new name.</param>
    public static Decision Decide(Project? project, Source? source, IReadOnlyCollection<string> sameNames, RenameSource command, DateTimeOffset now)
    {
        if (SourceAccess.Require(project, source, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (Names.Check(command.Name, AddSourceHandler.MaxNameLength, Refused, "source name", out var name) is { } invalid)
        {
            return invalid;
        }

        if (SourceAccess.IsTaken(name, sameNames))
        {
            return SourceAccess.DuplicateName(Refused, name);
        }

        return name == source!.Name
            ? Decision.Accept()
            : Decision.Accept(new SourceRenamed(command.ProjectId, command.SourceId, name, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RenameSource command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Source, IReadOnlyList<string>>(
            command.ProjectId, command.SourceId, command.ExpectedVersion,
            batch => AddSourceHandler.SourcesNamed(batch, command.ProjectId, command.SourceId, command.Name),
            (p, s, sameNames) => Decide(p, s, sameNames, command, clock.GetUtcNow()),
            ct);

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapPut("/{sourceId:guid}/name", (Guid projectId, Guid sourceId, RenameSourceRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendAsync(new RenameSource(projectId, sourceId, body.Name, body.ExpectedVersion, http.User.ToActor()), sourceId, session, ct))
        .WithName("RenameSource")
        .WithSummary("Renames a source (editors and owners); names are unique in the project ignoring case.")
        .Produces<SourceView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
