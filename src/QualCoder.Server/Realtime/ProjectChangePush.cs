using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Microsoft.AspNetCore.SignalR;

namespace QualCoder.Server.Realtime;

/// <summary>
/// Sends every committed project event to the project's hub group. A Marten subscription run by the async daemon:
/// it reads the events table in global sequence order (waiting out gaps left by transactions still in flight), so
/// each project's changes go out in commit order. Delivery is at least once: a page that fails is sent again, and
/// clients drop sequences they have seen.
/// </summary>
public sealed partial class ProjectChangePush : SubscriptionBase
{
    private readonly IHubContext<ProjectHub> _hub;

    public ProjectChangePush(IHubContext<ProjectHub> hub)
    {
        _hub = hub;
        Name = "project-changes";
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var serializer = operations.DocumentStore.Options.Serializer();
        foreach (var @event in page.Events)
        {
            if (ProjectChange.From(@event, serializer) is { } change)
            {
                await _hub.Clients.Group(ProjectHub.GroupOf(change.ProjectId)).SendAsync(ProjectHub.ChangedMethod, change, cancellationToken);
            }
        }

        return NullChangeListener.Instance;
    }
}
