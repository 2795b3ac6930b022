using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

public sealed record SetSegmentImportance(Guid ProjectId, Guid SegmentId, int Importance, Actor Actor);

public sealed record SetSegmentImportanceRequest(int Importance);

public static class SetSegmentImportanceHandler
{
    private const string Refused = "SEGMENT_IMPORTANCE_NOT_SET";

    public static Decision Decide(SegmentContext context, SetSegmentImportance command, DateTimeOffset now)
    {
        if (SegmentChange.Require(context, command.Actor, command.ProjectId, Refused) is { } denied)
        {
            return denied;
        }

        if (command.Importance is < 0 or > 2)
        {
            return DomainError.Invalid($"{Refused}/INVALID_IMPORTANCE", "importance is 0 (none), 1 (important) or 2 (very important).");
        }

        var segment = context.Segment!;
        return command.Importance == segment.Importance
            ? Decision.Accept()
            : Decision.Accept(new SegmentImportanceSet(command.ProjectId, segment.SourceId, segment.Id, command.Importance, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(SetSegmentImportance command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync(command.ProjectId, command.SegmentId, SegmentNeeds.Nothing, c => Decide(c, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder segments) => segments
        .MapPut("/{segmentId:guid}/importance", (Guid projectId, Guid segmentId, SetSegmentImportanceRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendSegmentCommandAsync(new SetSegmentImportance(projectId, segmentId, body.Importance, http.User.ToActor()), segmentId, session, ct))
        .WithName("SetSegmentImportance")
        .WithSummary("Marks a coding 0 (none), 1 (important) or 2 (very important).")
        .Produces<Segment>()
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
