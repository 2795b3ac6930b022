using Marten;

namespace QualCoder.Server.Realtime;

/// <summary>The live channel: its hub, the subscription that feeds it, and the presence rows it keeps.</summary>
public static class RealtimeModule
{
    public static void ConfigurePresence(this StoreOptions store) =>
        store.Schema.For<PresenceConnection>()
            .Duplicate(r => r.ProjectId)
            .Duplicate(r => r.ConnectionId);

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
