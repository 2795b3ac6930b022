using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Realtime;

/// <summary>
/// The live channel to browsers. Every caller must be signed in (cookie or access token). A member joins a project's
/// group and from then on receives every committed change of that project ("changed", see <see cref="ProjectChangePush"/>);
/// a client that was away rejoins with the last sequence it saw and gets what it missed.
/// </summary>
[Authorize]
public sealed class ProjectHub : Hub
{
    public const string Path = "/hubs/project";
    public const string ChangedMethod = "changed";
    private const string Prefix = "LIVE";

    public static string GroupOf(Guid projectId) => $"project:{projectId}";

    /// <summary>
    /// Joins a project's live changes. The connection is in the group before the catch-up is read, so nothing falls
    /// between them; a change can then arrive both ways, and the client drops any sequence it already has.
    /// With <paramref name="afterSequence"/> null nothing is listed (the client has just loaded the project).
    /// </summary>
    public async Task<ProjectJoined> JoinProject(Guid projectId, long? afterSequence, IQuerySession session)
    {
        var project = await session.LoadAsync<Project>(projectId, Context.ConnectionAborted);
        if (ProjectAccess.Require(project, Context.User!.ToActor(), ProjectRole.Viewer, Prefix) is { } error)
        {
            throw new HubException($"{error.Code}: {error.Message}");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(projectId), Context.ConnectionAborted);
        return await ProjectChanges.SinceAsync(session, projectId, afterSequence, Context.ConnectionAborted);
    }

    public Task LeaveProject(Guid projectId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(projectId), Context.ConnectionAborted);
}

public static class RealtimeModule
{
    public static void ConfigureRealtime(this MartenServiceCollectionExtensions.MartenConfigurationExpression marten) =>
        marten.AddSubscriptionWithServices<ProjectChangePush>(ServiceLifetime.Singleton);

    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSignalR();
        return services;
    }

    public static IEndpointRouteBuilder MapRealtime(this IEndpointRouteBuilder app)
    {
        app.MapHub<ProjectHub>(ProjectHub.Path);
        return app;
    }
}
