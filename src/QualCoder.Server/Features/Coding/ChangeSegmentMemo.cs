using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

public sealed record ChangeSegmentMemo(Guid ProjectId, Guid SegmentId, string? Memo, Actor Actor);

public sealed record ChangeSegmentMemoRequest(string? Memo);

public static class ChangeSegmentMemoHandler
{
    private const string Refused = "SEGMENT_MEMO_NOT_CHANGED";

    public static Decision Decide(SegmentContext context, ChangeSegmentMemo command, DateTimeOffset now)
    {
        if (SegmentChange.Require(context, command.Actor, command.ProjectId, Refused) is { } denied)
        {
            return denied;
        }

        if (Memos.Check(command.Memo, Refused, out var memo) is { } invalid)
        {
            return invalid;
        }

        var segment = context.Segment!;
        return memo == segment.Memo
            ? Decision.Accept()
            : Decision.Accept(new SegmentMemoChanged(command.ProjectId, segment.SourceId, segment.Id, memo, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(ChangeSegmentMemo command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync(command.ProjectId, command.SegmentId, SegmentNeeds.Nothing, c => Decide(c, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder segments) => segments
        .MapPut("/{segmentId:guid}/memo", (Guid projectId, Guid segmentId, ChangeSegmentMemoRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendSegmentCommandAsync(new ChangeSegmentMemo(projectId, segmentId, body.Memo, http.User.ToActor()), segmentId, session, ct))
        .WithName("ChangeSegmentMemo")
        .WithSummary("Sets or clears a coding's memo.")
        .Produces<Segment>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
