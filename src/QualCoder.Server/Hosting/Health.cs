using Marten;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace QualCoder.Server.Hosting;

/// <summary>
/// /health/live answers while the process runs (a restart is the only cure when it does not); /health/ready answers
/// 200 only when PostgreSQL answers and the event store's tables are there, so a load balancer or Docker stops
/// sending traffic while the database is away, and sends it again once it is back, with no restart.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("postgres", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        Anonymous(app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }));
        Anonymous(app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }));
        return app;
    }

    /// <summary>Probes read; nothing else needs to reach them, and they say nothing about the data.</summary>
    private static void Anonymous(IEndpointConventionBuilder endpoint) => endpoint
        .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
        .AllowAnonymous()
        .ExcludeFromDescription();

    /// <summary>One query on a fresh connection: the server answers, and the schema applied at start is in place.</summary>
    private sealed class DatabaseReady(IDocumentStore store) : IHealthCheck
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
            try
            {
                await using var connection = store.Storage.Database.CreateConnection();
                await connection.OpenAsync(timeout.Token);
                await using var command = new NpgsqlCommand("select to_regclass(@events) is not null", connection);
                command.Parameters.AddWithValue("events", events);
                return await command.ExecuteScalarAsync(timeout.Token) is true
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"PostgreSQL answers, but {events} is missing: the schema is not in place.");
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
            }
        }
    }
}
