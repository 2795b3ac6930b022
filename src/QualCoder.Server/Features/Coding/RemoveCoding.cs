using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

public sealed record RemoveCoding(Guid ProjectId, Guid SegmentId, Actor Actor);

public static class RemoveCodingHandler
{
    private const string Refused = "SEGMENT_NOT_REMOVED";

    public static Decision Decide(SegmentContext context, RemoveCoding command, DateTimeOffset now) =>
        SegmentChange.Require(context, command.Actor, command.ProjectId, Refused) is { } denied
            ? denied
            : Decision.Accept(new SegmentUncoded(command.ProjectId, context.Segment!.SourceId, command.SegmentId, command.Actor, now));

    public static Task<CommandOutcome> Handle(RemoveCoding command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync(command.ProjectId, command.SegmentId, SegmentNeeds.Nothing, c => Decide(c, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder segments) => segments
        .MapDelete("/{segmentId:guid}", async (Guid projectId, Guid segmentId, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new RemoveCoding(projectId, segmentId, http.User.ToActor()), ct);
            return outcome.ToHttp(TypedResults.NoContent);
        })
        .WithName("RemoveCoding")
        .WithSummary("Removes a coding. Coders remove their own; editors and owners anyone's.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);
}
