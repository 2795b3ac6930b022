using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Hosting;
using QualCoder.Server.Tests.Features.Agents;
using QualCoder.Server.Tests.Features.History;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;
using QualCoder.Server.Tests.Realtime;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>The server's own meter, read as a collector would, after real HTTP, MCP and live-channel calls.</summary>
public sealed class QualCoderMetricsTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task commands_appends_tool_calls_and_live_connections_are_measured()
    {
        using var meter = new Recorder(App);
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        await ada.AddSource(projectId);
        (await ada.Post($"/api/projects/{projectId}/codes", new { name = "Fear", color = "#336699" })).ShouldBe(HttpStatusCode.Created);
        (await ada.Post($"/api/projects/{projectId}/codes", new { name = "fear", color = "#336699" })).ShouldBe(HttpStatusCode.Conflict);
        await using (var agent = await AgentClient.ConnectAsync(App, ada))
        {
            (await agent.Call("list_projects")).ShouldSucceed();
            Assert.True((await agent.Call("open_project", new { path = "no such project" })).Result.IsError);
        }

        Assert.Contains(("qualcoder.commands", 1.0), meter.Values("command", "CreateProject", "outcome", "appended"));
        Assert.Contains(("qualcoder.commands", 1.0), meter.Values("command", "AddSource", "outcome", "appended"));
        Assert.Contains(("qualcoder.commands", 1.0), meter.Values("command", "CreateCode", "outcome", "unchanged"));
        Assert.Contains(meter.Values("command", "CreateCode"), m => m.Instrument == "qualcoder.append.duration" && m.Value > 0);
        Assert.Contains(("qualcoder.agent.tool_calls", 1.0), meter.Values("tool", "list_projects", "outcome", "ok"));
        Assert.Contains(("qualcoder.agent.tool_calls", 1.0), meter.Values("tool", "open_project", "outcome", "error"));

        var live = await LiveClient.ConnectAsync(App, ada);
        await meter.WaitFor(() => meter.Sum("qualcoder.live.connections") == 1);
        await live.DisposeAsync();
        await meter.WaitFor(() => meter.Sum("qualcoder.live.connections") == 0);
    }

    [Fact]
    public async Task a_closed_version_is_counted()
    {
        using var meter = new Recorder(App);
        var ada = await SignedIn("Ada");

        var projectId = await ada.CreateProject();
        var closed = await ClosedVersions.CloseAsync(App, projectId);

        Assert.Equal(1, closed);
        await meter.WaitFor(() => meter.Sum("qualcoder.versions.closed") >= 1);
    }

    /// <summary>Listens to this app's meter only: test classes run side by side, each server with its own meter factory.</summary>
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

        public Recorder(QualCoderApp app)
        {
            var factory = app.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == QualCoderMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
            _listener.Start();
        }

        /// <summary>Each measurement whose tags include the given name/value pairs, as (instrument, value).</summary>
        public List<(string Instrument, double Value)> Values(params string[] tagPairs)
        {
            lock (_measurements)
            {
                return [.. _measurements
                    .Where(m => tagPairs.Chunk(2).All(pair => Equals(m.Tags.GetValueOrDefault(pair[0]), pair[1])))
                    .Select(m => (m.Instrument, m.Value))];
            }
        }

        public double Sum(string instrument)
        {
            lock (_measurements)
            {
                return _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);
            }
        }

        /// <summary>Live-channel connections are counted by the server as they open and close, after the client's call returns.</summary>
        public async Task WaitFor(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition())
            {
                Assert.True(DateTime.UtcNow < deadline, "The measurement did not arrive within 10 s.");
                await Task.Delay(20);
            }
        }

        public void Dispose() => _listener.Dispose();

        private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, copy));
            }
        }
    }
}
