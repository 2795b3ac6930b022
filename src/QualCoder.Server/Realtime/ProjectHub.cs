using System.Linq.Expressions;
using Marten;
using Marten.Patching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Realtime;

/// <summary>
/// The live channel to browsers. Every caller must be signed in (cookie or access token). A member joins a project's
/// group and from then on receives every committed change of that project ("changed", see <see cref="ProjectChangePush"/>);
/// a client that was away rejoins with the last sequence it saw and gets what it missed. The group also receives
/// who is present and which source each has open ("presence", see <see cref="ProjectPresence"/>), kept as
/// <see cref="PresenceConnection"/> rows rather than in this process.
/// </summary>
[Authorize]
public sealed class ProjectHub(IDocumentSession session, TimeProvider clock) : Hub
{
    public const string Path = "/hubs/project";
    public const string ChangedMethod = "changed";
    public const string PresenceMethod = "presence";
    private const string Prefix = "LIVE";

    public static string GroupOf(Guid projectId) => $"project:{projectId}";

    /// <summary>
    /// Joins a project's live changes and presence. The connection is in the group before the catch-up is read, so
    /// nothing falls between them; a change can then arrive both ways, and the client drops any sequence it already
    /// has. With <paramref name="afterSequence"/> null nothing is listed (the client has just loaded the project).
    /// </summary>
    public async Task<ProjectJoined> JoinProject(Guid projectId, long? afterSequence)
    {
        var displayName = await RequireMemberAsync(projectId, sourceId: null);
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(projectId), Context.ConnectionAborted);
        await ArriveAsync(projectId, displayName, sourceId: null);
        return await ProjectChanges.SinceAsync(session, projectId, afterSequence, Context.ConnectionAborted);
    }

    /// <summary>Says which source this connection has open in the project (null: none), for everyone in it to see.</summary>
    public async Task OpenSource(Guid projectId, Guid? sourceId)
    {
        var displayName = await RequireMemberAsync(projectId, sourceId);
        await ArriveAsync(projectId, displayName, sourceId);
    }

    /// <summary>Keeps this connection's presence from going stale; the browser calls it every minute.</summary>
    public async Task Heartbeat(Guid projectId)
    {
        RequireMember(await session.LoadAsync<Project>(projectId, Context.ConnectionAborted));
        session.Patch<PresenceConnection>(PresenceConnection.IdOf(Context.ConnectionId, projectId)).Set(r => r.SeenAt, clock.GetUtcNow());
        await session.SaveChangesAsync(Context.ConnectionAborted);
    }

    public async Task<ProjectPresence> GetPresence(Guid projectId)
    {
        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(projectId);
        var rows = batch.Query<PresenceConnection>().Where(ProjectPresence.Live([projectId], clock.GetUtcNow())).ToList();
        await batch.Execute(Context.ConnectionAborted);
        RequireMember(await project);
        return ProjectPresence.Of(projectId, await rows);
    }

    public async Task LeaveProject(Guid projectId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(projectId), Context.ConnectionAborted);
        var id = PresenceConnection.IdOf(Context.ConnectionId, projectId);
        await DepartAsync(r => r.Id == id, Context.ConnectionAborted);
    }

    /// <summary>The connection is gone (its aborted token already fired), so this runs to the end uncancelled.</summary>
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var connectionId = Context.ConnectionId;
        await DepartAsync(r => r.ConnectionId == connectionId, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>
    /// One round trip for the access rule's project, the caller's account (its name is what others see) and the
    /// source being opened. Answers the caller's display name.
    /// </summary>
    private async Task<string> RequireMemberAsync(Guid projectId, Guid? sourceId)
    {
        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(projectId);
        var account = batch.Load<Account>(Context.User!.ToActor().AccountId);
        var source = sourceId is { } id ? batch.Load<Source>(id) : null;
        await batch.Execute(Context.ConnectionAborted);
        RequireMember(await project);
        if (source is not null && (await source)?.BelongsTo(projectId) != true)
        {
            throw Refusal(DomainError.NotFound($"{Prefix}/SOURCE_NOT_FOUND", "There is no such source in this project."));
        }

        // Accounts are never removed, and the caller is signed in as one.
        return (await account)!.DisplayName;
    }

    private void RequireMember(Project? project)
    {
        if (ProjectAccess.Require(project, Context.User!.ToActor(), ProjectRole.Viewer, Prefix) is { } error)
        {
            throw Refusal(error);
        }
    }

    private static HubException Refusal(DomainError error) => new($"{error.Code}: {error.Message}");

    private Task ArriveAsync(Guid projectId, string displayName, Guid? sourceId)
    {
        session.Store(new PresenceConnection(
            PresenceConnection.IdOf(Context.ConnectionId, projectId), Context.ConnectionId, projectId,
            Context.User!.ToActor().AccountId, displayName, sourceId, clock.GetUtcNow()));
        return BroadcastAsync([projectId], Context.ConnectionAborted);
    }

    private async Task DepartAsync(Expression<Func<PresenceConnection, bool>> rows, CancellationToken ct)
    {
        var projectIds = await session.Query<PresenceConnection>().Where(rows).Select(r => r.ProjectId).ToListAsync(ct);
        if (projectIds.Count == 0)
        {
            return;
        }

        session.DeleteWhere(rows);
        await BroadcastAsync([.. projectIds.Distinct()], ct);
    }

    /// <summary>
    /// Saves the pending presence change with the projects' stale rows deleted, then sends each project its list.
    /// Two changes in one project at the same moment may send their lists in either order; the next change or a
    /// GetPresence sets it right.
    /// </summary>
    private async Task BroadcastAsync(Guid[] projectIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        session.DeleteWhere(ProjectPresence.Stale(projectIds, now));
        await session.SaveChangesAsync(ct);
        var rows = await session.Query<PresenceConnection>().Where(ProjectPresence.Live(projectIds, now)).ToListAsync(ct);
        foreach (var projectId in projectIds)
        {
            await Clients.Group(GroupOf(projectId)).SendAsync(PresenceMethod, ProjectPresence.Of(projectId, rows), ct);
        }
    }
}
