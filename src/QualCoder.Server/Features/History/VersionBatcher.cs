using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using QualCoder.Server.Realtime;
using Wolverine;
using Wolverine.Marten.Subscriptions;

namespace QualCoder.Server.Features.History;

/// <summary>
/// Gathers every project event into its project's open window. A Marten subscription run by the async daemon, in
/// global sequence order: for each project in a page it inserts one <see cref="VersionPart"/> and schedules one
/// <see cref="CloseVersion"/> for the window's due time. Wolverine enlists its outbox in the daemon's transaction, so
/// the parts, the scheduled messages (durable, in PostgreSQL) and the subscription's progress commit together or not
/// at all: a page delivered again after a failure finds nothing of itself, and a committed part always has its message,
/// even across a restart. Nothing here waits: closing is the scheduled message's job.
/// </summary>
public sealed class VersionBatcher : BatchSubscription
{
    private readonly HistorySettings _settings;
    private readonly TimeProvider _clock;

    public VersionBatcher(HistorySettings settings, TimeProvider clock) : base("project-versions")
    {
        _settings = settings;
        _clock = clock;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, IMessageBus bus, CancellationToken cancellationToken)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        var projects = page.Events
            .Select(e => ProjectChange.From(e, serializer))
            .OfType<ProjectChange>()
            .GroupBy(c => c.ProjectId)
            .ToList();
        if (projects.Count == 0)
        {
            return;
        }

        // A window opened with its oldest part: one query finds that for every project of the page. A part a close is
        // deleting right now only makes this message early, and an early message looks again later.
        var projectIds = projects.Select(p => p.Key).ToArray();
        var open = await operations.Query<VersionPart>()
            .Where(p => projectIds.Contains(p.ProjectId))
            .Select(p => new { p.ProjectId, p.FirstAt })
            .ToListAsync(cancellationToken);
        var openedAt = open.GroupBy(p => p.ProjectId).ToDictionary(g => g.Key, g => g.Min(p => p.FirstAt));
        foreach (var changes in projects)
        {
            var part = VersionPart.Of(changes.Key, [.. changes]);
            var opened = openedAt.TryGetValue(part.ProjectId, out var oldest) && oldest < part.FirstAt ? oldest : part.FirstAt;
            operations.Store(part);
            var due = VersionWindow.DueAt(opened, part.LastAt, _settings);
            await bus.ScheduleAsync(new CloseVersion(part.ProjectId, part.Id), due - _clock.GetUtcNow());
        }
    }
}
