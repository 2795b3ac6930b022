using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

public sealed record RecodeSegment(Guid ProjectId, Guid SegmentId, Guid CodeId, Actor Actor);

public sealed record RecodeSegmentRequest(Guid CodeId);

public static class RecodeSegmentHandler
{
    private const string Refused = "SEGMENT_NOT_RECODED";

    public static Decision Decide(SegmentContext context, RecodeSegment command, DateTimeOffset now)
    {
        if (SegmentChange.Require(context, command.Actor, command.ProjectId, Refused) is { } denied)
        {
            return denied;
        }

        var segment = context.Segment!;
        if (context.Codebook?.FindCode(command.CodeId) is null)
        {
            return DomainError.Invalid($"{Refused}/CODE_NOT_FOUND", "The project's codebook has no code with this id.");
        }

        if (command.CodeId == segment.CodeId)
        {
            return Decision.Accept();
        }

        return SegmentChange.OverlapsSibling(context, command.CodeId, segment.Start, segment.End)
            ? DomainError.Conflict($"{Refused}/OVERLAPPING_SEGMENT", "This coder already has an overlapping coding with that code here.")
            : Decision.Accept(new SegmentRecoded(command.ProjectId, segment.SourceId, segment.Id, command.CodeId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RecodeSegment command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync(command.ProjectId, command.SegmentId, SegmentNeeds.Codebook | SegmentNeeds.Siblings, c => Decide(c, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder segments) => segments
        .MapPut("/{segmentId:guid}/code", (Guid projectId, Guid segmentId, RecodeSegmentRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendSegmentCommandAsync(new RecodeSegment(projectId, segmentId, body.CodeId, http.User.ToActor()), segmentId, session, ct))
        .WithName("RecodeSegment")
        .WithSummary("Gives a coding another code, in place (same span, memo and importance).")
        .Produces<Segment>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
