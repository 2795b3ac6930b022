using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.History;

/// <summary>Windows that would stay open for 2 s of quiet but last at most 400 ms: only the maximum can cut them.</summary>
public sealed class BusyHistoryApp : QualCoderApp
{
    public static readonly TimeSpan Max = TimeSpan.FromMilliseconds(400);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["QualCoder:History:QuietMilliseconds"] = "2000",
        ["QualCoder:History:MaxMilliseconds"] = Max.TotalMilliseconds.ToString(),
        ["QualCoder:History:PollingMilliseconds"] = "25",
    };
}

public class BusyHistoryTests(BusyHistoryApp app) : IntegrationTest<BusyHistoryApp>(app)
{
    [Fact]
    public async Task continuous_activity_is_cut_at_the_maximum_into_versions_that_still_cover_every_change()
    {
        var owner = await SignedIn("Olive");
        var projectId = await owner.CreateProject();
        var until = DateTimeOffset.UtcNow + (6 * BusyHistoryApp.Max);
        for (var i = 0; DateTimeOffset.UtcNow < until; i++)
        {
            (await owner.Describe(projectId, $"Round {i}")).ShouldBe(HttpStatusCode.OK);
            await Task.Delay(20);
        }

        var versions = await owner.AllClosed(App, projectId);

        Histories.AssertCoverExactly(versions, await Histories.EventSequences(App, projectId));
        Assert.True(versions.Count >= 3, $"{versions.Count} versions");
        Assert.Contains(versions, v => v.Message.StartsWith("projects: ", StringComparison.Ordinal));
    }
}
