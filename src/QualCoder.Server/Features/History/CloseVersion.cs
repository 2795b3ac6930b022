using Marten;
using Microsoft.AspNetCore.SignalR;
using QualCoder.Server.Hosting;
using QualCoder.Server.Realtime;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace QualCoder.Server.Features.History;

/// <summary>Look at a project's open window, scheduled by the batcher when it inserted part <c>PartId</c>.</summary>
public sealed record CloseVersion(Guid ProjectId, string PartId);

/// <summary>A version was written (<c>Current</c>: it is the project's newest); sent after the commit so open browsers hear of it.</summary>
public sealed record VersionClosed(ProjectVersion Version, bool Current);

/// <summary>
/// Closes the project's windows that are over, otherwise looks again when the last is due. The batcher only inserts parts
/// and this handler only deletes the parts it read, so a part committed while a close runs is simply not in that
/// version and stays for the next one (sequences only grow, so versions stay disjoint and ordered). Two closes racing
/// for one window (a message delivered twice) both try to insert the same version number: the unique document id
/// refuses the second, its transaction (deletes included) rolls back, and Wolverine's lost-race retry finds its part
/// gone and does nothing. Runs in one transaction; the recheck is scheduled through the outbox in it.
/// </summary>
public static class CloseVersionHandler
{
    /// <summary>
    /// A close that fails for another reason than a lost race (the database away) is tried again, for ever: dropping
    /// the message would leave the window open until the project's next change.
    /// </summary>
    public static void Configure(HandlerChain chain) => chain
        .OnException(e => !ProblemResponses.IsLostRace(e), "the close failed")
        .ScheduleRetryIndefinitely(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));

    public static async Task Handle(CloseVersion message, IDocumentSession session, IMessageBus bus, TimeProvider clock, HistorySettings settings, CancellationToken ct)
    {
        // Under continuous activity most messages belong to parts that are no longer the newest: one cheap look at
        // the newest part's id lets them stop before the window is read.
        var newest = await session.Query<VersionPart>()
            .Where(p => p.ProjectId == message.ProjectId)
            .OrderByDescending(p => p.FromSequence)
            .Select(p => p.Id)
            .Take(1)
            .ToListAsync(ct);
        if (newest.Count == 0 || newest[0] != message.PartId)
        {
            return;
        }

        var batch = session.CreateBatchQuery();
        var parts = batch.Query<VersionPart>()
            .Where(p => p.ProjectId == message.ProjectId)
            .OrderBy(p => p.FromSequence)
            .ToList();
        var latest = batch.Query<ProjectVersion>()
            .Where(v => v.ProjectId == message.ProjectId)
            .OrderByDescending(v => v.Number)
            .FirstOrDefault();
        await batch.Execute(ct);

        var now = clock.GetUtcNow();
        var decision = VersionWindow.Decide(await parts, await latest, message.PartId, now, settings);
        foreach (var id in decision.Consumed)
        {
            session.Delete<VersionPart>(id);
        }

        for (var i = 0; i < decision.Closed.Count; i++)
        {
            session.Insert(decision.Closed[i]);
            await bus.PublishAsync(new VersionClosed(decision.Closed[i], Current: i == decision.Closed.Count - 1));
        }

        if (decision.RecheckAt is { } due)
        {
            await bus.ScheduleAsync(message, due - now);
        }
    }
}

/// <summary>Tells the project's open browsers (client method "versionClosed"), and counts the version.</summary>
public static class VersionClosedHandler
{
    public const string Method = "versionClosed";

    public static Task Handle(VersionClosed message, IHubContext<ProjectHub> hub, QualCoderMetrics metrics, CancellationToken ct)
    {
        metrics.VersionClosed();
        return hub.Clients.Group(ProjectHub.GroupOf(message.Version.ProjectId))
            .SendAsync(Method, VersionView.Of(message.Version, names: null, message.Current), ct);
    }
}
