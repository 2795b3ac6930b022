using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

public sealed record ResizeSegment(Guid ProjectId, Guid SegmentId, int Start, int End, Actor Actor);

public sealed record ResizeSegmentRequest(int Start, int End);

public static class ResizeSegmentHandler
{
    private const string Refused = "SEGMENT_NOT_RESIZED";

    public static Decision Decide(SegmentContext context, ResizeSegment command, DateTimeOffset now)
    {
        if (SegmentChange.Require(context, command.Actor, command.ProjectId, Refused) is { } denied)
        {
            return denied;
        }

        var segment = context.Segment!;
        var text = context.Text!;
        if (new SegmentAnchor(command.Start, command.End, null, null).Resolve(text, Refused, out var span) is { } invalid)
        {
            return invalid;
        }

        if (span == (segment.Start, segment.End))
        {
            return Decision.Accept();
        }

        return SegmentChange.OverlapsSibling(context, segment.CodeId, span.Start, span.End)
            ? DomainError.Conflict($"{Refused}/OVERLAPPING_SEGMENT", "The new boundaries overlap another coding of the same code by the same coder.")
            : Decision.Accept(new SegmentResized(
                command.ProjectId, segment.SourceId, segment.Id, span.Start, span.End, text.Slice(span.Start, span.End), command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(ResizeSegment command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync(command.ProjectId, command.SegmentId, SegmentNeeds.Text | SegmentNeeds.Siblings, c => Decide(c, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder segments) => segments
        .MapPut("/{segmentId:guid}/span", (Guid projectId, Guid segmentId, ResizeSegmentRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendSegmentCommandAsync(new ResizeSegment(projectId, segmentId, body.Start, body.End, http.User.ToActor()), segmentId, session, ct))
        .WithName("ResizeSegment")
        .WithSummary("Changes a coding's boundaries (code points, end exclusive); the quote follows.")
        .Produces<Segment>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
