using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Features.History;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.History;

/// <summary>Windows that stay open for 3 s, long enough to stop the server in the middle of one.</summary>
public sealed class SlowHistoryApp : QualCoderApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["QualCoder:History:QuietMilliseconds"] = "3000",
        ["QualCoder:History:MaxMilliseconds"] = "10000",
        ["QualCoder:History:PollingMilliseconds"] = "25",
    };
}

public class HistoryRestartTests(SlowHistoryApp app) : IntegrationTest<SlowHistoryApp>(app)
{
    [Fact]
    public async Task a_window_open_when_the_server_stops_is_closed_by_the_next_server_with_every_event_once()
    {
        var owner = await SignedIn("Olive");
        var projectId = await owner.CreateProject();
        for (var i = 0; i < 5; i++)
        {
            (await owner.CreateCode(projectId, $"Code {i}")).ShouldBe(HttpStatusCode.Created);
        }

        await WaitForParts(App);
        Assert.Empty(await Versions(App, projectId));

        await using var restarted = await App.RestartAsync();
        var events = await Histories.EventSequences(restarted, projectId);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        List<ProjectVersion> versions;
        while ((versions = await Versions(restarted, projectId)).Sum(v => v.EventCount) < events.Count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{versions.Count} versions after {clock.Elapsed}");
            await Task.Delay(100);
        }

        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Number));
        Assert.Equal(events.Count, versions.Sum(v => v.EventCount));
        Assert.All(versions, v => Assert.Equal(v.EventCount, events.Count(e => e >= v.FromSequence && e <= v.ToSequence)));
        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.True(pair.First.ToSequence < pair.Second.FromSequence));
        await using var session = restarted.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Query<VersionPart>().CountAsync());
    }

    private static async Task<List<ProjectVersion>> Versions(QualCoderApp app, Guid projectId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return [.. await session.Query<ProjectVersion>().Where(v => v.ProjectId == projectId).OrderBy(v => v.Number).ToListAsync()];
    }

    /// <summary>Waits until the batcher has put the events into the open window (and scheduled its close).</summary>
    private static async Task WaitForParts(QualCoderApp app)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
        for (var tries = 0; await session.Query<VersionPart>().CountAsync() == 0; tries++)
        {
            Assert.True(tries < 100, "The batcher wrote no part within 5 s.");
            await Task.Delay(50);
        }
    }
}
