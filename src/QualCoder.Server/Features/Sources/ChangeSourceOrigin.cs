using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

/// <summary>Where a source came from, in the researcher's words ("Interview 3, ward B, recorded 2024-05-02").</summary>
public sealed record ChangeSourceOrigin(Guid ProjectId, Guid SourceId, string Origin, long? ExpectedVersion, Actor Actor);

public sealed record ChangeSourceOriginRequest(string Origin, long? ExpectedVersion = null);

public static class ChangeSourceOriginHandler
{
    private const string Refused = "SOURCE_ORIGIN_NOT_CHANGED";

    public static Decision Decide(Project? project, Source? source, ChangeSourceOrigin command, DateTimeOffset now)
    {
        if (SourceAccess.Require(project, source, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (AddSourceHandler.CheckOrigin(command.Origin, Refused, out var origin) is { } tooLong)
        {
            return tooLong;
        }

        return origin == source!.Origin
            ? Decision.Accept()
            : Decision.Accept(new SourceOriginChanged(command.ProjectId, command.SourceId, origin, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(ChangeSourceOrigin command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Source>(
            command.ProjectId, command.SourceId, command.ExpectedVersion, (p, s) => Decide(p, s, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapPut("/{sourceId:guid}/origin", (Guid projectId, Guid sourceId, ChangeSourceOriginRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendAsync(new ChangeSourceOrigin(projectId, sourceId, body.Origin, body.ExpectedVersion, http.User.ToActor()), sourceId, session, ct))
        .WithName("ChangeSourceOrigin")
        .WithSummary("Changes (or clears, with \"\") where a source came from: free text of at most 1,000 characters (editors and owners).")
        .Produces<SourceView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
