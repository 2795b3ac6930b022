using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Weasel.Core;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace QualCoder.Server.Hosting;

/// <summary>
/// Marten (events and documents in PostgreSQL) and Wolverine (handlers, the transaction around each one, and
/// delivery of committed events). Features add their streams and documents through <paramref name="configureFeatures"/>, and subscriptions
/// (run by the async daemon) through <paramref name="configureSubscriptions"/>.
/// </summary>
public static class EventStore
{
    public const string ConnectionStringName = "Postgres";

    public static WebApplicationBuilder AddEventStore(
        this WebApplicationBuilder builder,
        Action<StoreOptions> configureFeatures,
        Action<MartenServiceCollectionExtensions.MartenConfigurationExpression> configureSubscriptions)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        var singleNode = builder.Configuration.GetValue("QualCoder:SingleNode", true);

        var marten = builder.Services
            .AddMarten(services =>
            {
                var store = new StoreOptions();
                // Marten leaves no session state on a connection, so the pool need not send DISCARD ALL on every
                // checkout; a command makes several, and the reset was a round trip each.
                store.Connection(new NpgsqlConnectionStringBuilder(services.GetRequiredService<IOptions<ServerSettings>>().Value.ConnectionString) { NoResetOnClose = true }.ConnectionString);
                store.DatabaseSchemaName = "qualcoder";
                store.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                store.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                // The daemon finds new events by polling; its defaults (up to a second when idle) would be the live
                // channel's latency. A cheap query every 50 ms keeps a change's way to other browsers near 50 ms.
                var polling = TimeSpan.FromMilliseconds(services.GetRequiredService<IConfiguration>().GetValue("QualCoder:Live:PollingMilliseconds", 50));
                store.Projections.SlowPollingTime = polling;
                store.Projections.FastPollingTime = polling;
                // Spans per session's connection and a counter of appended events, for OpenTelemetry (Observability.cs).
                store.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
                store.OpenTelemetry.TrackEventCounters();
                configureFeatures(store);
                return store;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(wolverine => wolverine.MessageStorageSchemaName = "wolverine")
            // The async daemon runs the subscriptions (the live channel's push); one node runs them all.
            .AddAsyncDaemon(singleNode ? DaemonMode.Solo : DaemonMode.HotCold);
        configureSubscriptions(marten);

        builder.Host.UseWolverine(wolverine =>
        {
            // Test runners make the test assembly the entry assembly; without this Wolverine finds no handlers.
            wolverine.ApplicationAssembly = typeof(Program).Assembly;
            HandlerCode.Configure(wolverine);
            wolverine.Policies.AutoApplyTransactions();
            wolverine.Policies.AddMiddleware(typeof(CommandMetricsMiddleware),
                chain => chain.MessageType.Namespace?.StartsWith("QualCoder.Server.Features", StringComparison.Ordinal) == true);
            // Whoever loses an optimistic race (another append to the same stream, or a unique index) runs again on
            // fresh state: commands that commute then land, and real conflicts get their proper domain error.
            wolverine.OnException(ProblemResponses.IsLostRace, "lost an optimistic race")
                .RetryWithCooldown(RetryCooldowns);
            if (singleNode)
            {
                wolverine.Durability.Mode = DurabilityMode.Solo;
            }
        });
        return builder;
    }

    private static readonly TimeSpan[] RetryCooldowns =
        [.. new[] { 0, 5, 10, 20, 40, 60, 80, 100, 150, 200 }.Select(ms => TimeSpan.FromMilliseconds(ms))];
}
