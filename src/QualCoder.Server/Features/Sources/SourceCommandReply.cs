using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

/// <summary>How every change to an existing source answers over HTTP: its problem, or the source as it is now.</summary>
internal static class SourceCommandReply
{
    public static async Task<IResult> SendAsync(this IMessageBus bus, object command, Guid sourceId, IQuerySession session, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        return outcome.Error is { } error
            ? error.ToProblem()
            : TypedResults.Ok(await SourceView.LoadAsync(session, sourceId, ct));
    }
}
