using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

/// <summary>How a change to one coding answers over HTTP: its problem, or the coding as it is now.</summary>
internal static class SegmentCommandReply
{
    public static async Task<IResult> SendSegmentCommandAsync(this IMessageBus bus, object command, Guid segmentId, IQuerySession session, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        return outcome.Error is { } error
            ? error.ToProblem()
            : Replies.OkOrGone(await session.LoadAsync<Segment>(segmentId, ct));
    }
}
