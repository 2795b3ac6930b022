using Microsoft.AspNetCore.SignalR;

namespace QualCoder.Server.Realtime;

/// <summary>
/// The live channel to browsers. Every caller must be signed in; joining a project's group (after a membership
/// check) and pushing committed changes come with the live workspace.
/// </summary>
public sealed class ProjectHub : Hub
{
    public const string Path = "/hubs/project";
}

public static class RealtimeModule
{
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
