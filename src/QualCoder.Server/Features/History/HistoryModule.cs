using Marten;
using Wolverine;
using Wolverine.Marten;

namespace QualCoder.Server.Features.History;

/// <summary>Version history: the batcher that closes versions, the history list, diffs between versions, and restore.</summary>
public static class HistoryModule
{
    public static void ConfigureHistory(this StoreOptions store)
    {
        store.Schema.For<ProjectVersion>().UniqueIndex(v => v.ProjectId, v => v.Number);
        store.Schema.For<VersionPart>().Duplicate(p => p.ProjectId);
    }

    /// <summary>
    /// The batcher and its close messages, unless QualCoder:History:Enabled is false (the benchmark's baseline).
    /// Close messages live in a durable local queue, so a scheduled close survives a restart. Scheduled messages are
    /// found by polling, which also runs Wolverine's recovery queries: polling every 100 ms visibly slowed the write
    /// path in the benchmark. A late close only delays a version, as windows are cut by the changes' own
    /// times (<see cref="VersionWindow.Split"/>), so the poll can be as slow as the quiet time.
    /// </summary>
    public static IServiceCollection AddHistory(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = HistorySettings.From(configuration);
        services.AddSingleton(settings);
        if (!settings.Enabled)
        {
            return services;
        }

        services.SubscribeToEventsWithServices<VersionBatcher>(ServiceLifetime.Singleton);
        services.ConfigureWolverine(wolverine =>
        {
            wolverine.LocalQueueFor<CloseVersion>().UseDurableInbox();
            wolverine.Durability.ScheduledJobPollingTime = TimeSpan.FromMilliseconds(configuration.GetValue("QualCoder:History:PollingMilliseconds", 500));
            wolverine.Durability.ScheduledJobFirstExecution = TimeSpan.Zero;
        });
        return services;
    }

    public static RouteGroupBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/api/projects/{projectId:guid}").WithTags("History");
        ListHistory.Map(project);
        ViewDiff.Map(project);
        RestoreVersionHandler.Map(project);
        return project;
    }
}
