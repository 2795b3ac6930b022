using System.Diagnostics;
using System.Diagnostics.Metrics;
using Marten;
using Marten.Services;
using Wolverine;

namespace QualCoder.Server.Hosting;

/// <summary>
/// The server's own metrics, in the Meter "QualCoder.Server" (exported over OTLP with the framework's, and readable
/// with dotnet-counters). Every instrument is recorded here, so their names and tags are in one place.
/// </summary>
public sealed class QualCoderMetrics
{
    public const string MeterName = "QualCoder.Server";

    private readonly Counter<long> _commands;
    private readonly Histogram<double> _appendDuration;
    private readonly UpDownCounter<long> _liveConnections;
    private readonly Counter<long> _versionsClosed;
    private readonly Counter<long> _toolCalls;

    public QualCoderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _commands = meter.CreateCounter<long>("qualcoder.commands", "{command}",
            "Commands handled, by command type and outcome (appended, unchanged, failed; a lost race fails and is counted again when retried).");
        _appendDuration = meter.CreateHistogram<double>("qualcoder.append.duration", "s",
            "Time from a command's SaveChanges to its commit, for commands that appended events.");
        _liveConnections = meter.CreateUpDownCounter<long>("qualcoder.live.connections", "{connection}", "Open live-channel (SignalR) connections.");
        _versionsClosed = meter.CreateCounter<long>("qualcoder.versions.closed", "{version}", "Versions closed in the version history.");
        _toolCalls = meter.CreateCounter<long>("qualcoder.agent.tool_calls", "{call}", "MCP tool calls by agents, by tool and outcome (ok, error, failed).");
    }

    public void CommandHandled(string command, string outcome, TimeSpan appendDuration)
    {
        var type = new KeyValuePair<string, object?>("command", command);
        _commands.Add(1, type, new KeyValuePair<string, object?>("outcome", outcome));
        if (outcome == "appended")
        {
            _appendDuration.Record(appendDuration.TotalSeconds, type);
        }
    }

    public void LiveConnectionOpened() => _liveConnections.Add(1);

    public void LiveConnectionClosed() => _liveConnections.Add(-1);

    /// <summary>Called by the version history each time it closes a version.</summary>
    public void VersionClosed() => _versionsClosed.Add(1);

    /// <summary><paramref name="outcome"/>: ok, error (the tool answered an error result), or failed (it threw).</summary>
    public void ToolCalled(string tool, string outcome) =>
        _toolCalls.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("outcome", outcome));
}

/// <summary>
/// Wolverine middleware on every command handler: counts the command by its outcome and times its append. It
/// listens to the handler's own Marten session, so it sees the commit itself and adds no round trip.
/// </summary>
public static class CommandMetricsMiddleware
{
    public static CommandTiming Before(IDocumentSession session)
    {
        var timing = new CommandTiming();
        session.Listeners.Add(timing);
        return timing;
    }

    /// <summary>Runs when the handler returned without throwing, before its changes are saved.</summary>
    public static void After(CommandTiming timing) => timing.Decided();

    public static void Finally(CommandTiming timing, Envelope envelope, QualCoderMetrics metrics) =>
        metrics.CommandHandled(envelope.Message?.GetType().Name ?? envelope.MessageType ?? "unknown", timing.Outcome, timing.AppendDuration);
}

/// <summary>
/// What became of one command: "appended" (its events committed), "unchanged" (it committed nothing: refused, or
/// nothing to do), or "failed" (it threw before committing, e.g. a lost race that Wolverine then retries).
/// </summary>
public sealed class CommandTiming : DocumentSessionListenerBase
{
    private bool _decided;
    private long _saving;
    private bool _committed;
    private bool _appended;

    public TimeSpan AppendDuration { get; private set; }

    public string Outcome => _committed ? (_appended ? "appended" : "unchanged") : _decided && _saving == 0 ? "unchanged" : "failed";

    public void Decided() => _decided = true;

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        _saving = Stopwatch.GetTimestamp();
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        AppendDuration = Stopwatch.GetElapsedTime(_saving);
        _committed = true;
        _appended = commit.GetEvents().Any();
        return Task.CompletedTask;
    }
}
