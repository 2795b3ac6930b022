using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

public sealed record ChangeSourceMemo(Guid ProjectId, Guid SourceId, string Memo, long? ExpectedVersion, Actor Actor);

public sealed record ChangeSourceMemoRequest(string Memo, long? ExpectedVersion = null);

public static class ChangeSourceMemoHandler
{
    private const string Refused = "SOURCE_MEMO_NOT_CHANGED";

    public static Decision Decide(Project? project, Source? source, ChangeSourceMemo command, DateTimeOffset now)
    {
        if (SourceAccess.Require(project, source, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (Memos.Check(command.Memo, Refused, out var memo) is { } tooLong)
        {
            return tooLong;
        }

        return memo == source!.Memo
            ? Decision.Accept()
            : Decision.Accept(new SourceMemoChanged(command.ProjectId, command.SourceId, memo, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(ChangeSourceMemo command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Source>(
            command.ProjectId, command.SourceId, command.ExpectedVersion, (p, s) => Decide(p, s, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapPut("/{sourceId:guid}/memo", (Guid projectId, Guid sourceId, ChangeSourceMemoRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendAsync(new ChangeSourceMemo(projectId, sourceId, body.Memo, body.ExpectedVersion, http.User.ToActor()), sourceId, session, ct))
        .WithName("ChangeSourceMemo")
        .WithSummary("Changes (or clears, with \"\") a source's memo (editors and owners).")
        .Produces<SourceView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
