using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace QualCoder.Server.Hosting;

/// <summary>
/// Logs as JSON lines in production (one object per line, for a log collector; plain text in development), and
/// OpenTelemetry traces and metrics of ASP.NET Core, Npgsql, Marten, Wolverine and our own meter, exported over OTLP
/// when OTEL_EXPORTER_OTLP_ENDPOINT is set. The exporter reads the other standard OTEL_* variables itself
/// (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_EXPORTER_OTLP_HEADERS ...). Without an endpoint nothing is
/// collected, so a server nobody observes pays nothing for it.
/// </summary>
public static class Observability
{
    /// <summary>Marten and Wolverine name their ActivitySource and Meter after themselves.</summary>
    private static readonly string[] CritterStack = ["Marten", "Wolverine"];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        builder.Services.AddSingleton<QualCoderMetrics>();
        builder.Services.Configure<HubOptions>(hubs => hubs.AddFilter<LiveConnectionCount>());
        if (string.IsNullOrWhiteSpace(builder.Configuration[ServerSettings.OtlpEndpointKey]))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName: "qualcoder-web"))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new RequestsAndMessages()))
                .AddAspNetCoreInstrumentation()
                .AddNpgsql()
                .AddSource(CritterStack))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(CritterStack)
                .AddMeter(QualCoderMetrics.MeterName))
            .UseOtlpExporter();
        return builder;
    }
}

/// <summary>
/// Starts traces only at a request or a message. The async daemon and Wolverine's durability agent query PostgreSQL
/// many times a second to find new work; as traces of their own those polls would drown the ones that matter.
/// Their work on a real message is still traced, under that message.
/// </summary>
public sealed class RequestsAndMessages : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        new(parameters.Kind is ActivityKind.Server or ActivityKind.Consumer ? SamplingDecision.RecordAndSample : SamplingDecision.Drop);
}

/// <summary>Counts open live-channel connections, for every hub, as they connect and go.</summary>
public sealed class LiveConnectionCount(QualCoderMetrics metrics) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        metrics.LiveConnectionOpened();
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        metrics.LiveConnectionClosed();
        await next(context, exception);
    }
}
