using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.History;

/// <summary>The server with short windows (150 ms quiet, at most 800 ms), so versions close quickly.</summary>
public class HistoryApp : QualCoderApp
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    public static readonly TimeSpan Max = TimeSpan.FromMilliseconds(800);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["QualCoder:History:QuietMilliseconds"] = Quiet.TotalMilliseconds.ToString(),
        ["QualCoder:History:MaxMilliseconds"] = Max.TotalMilliseconds.ToString(),
        ["QualCoder:History:PollingMilliseconds"] = "25",
    };
}

public sealed record ListedVersion(int Number, long FromSequence, long ToSequence, int EventCount, DateTimeOffset OpenedAt, DateTimeOffset ClosedAt,
    string Message, List<ListedActor> Actors, Dictionary<string, int> Areas, int? RestoredTo, bool Current);

public sealed record ListedActor(Guid AccountId, string? DisplayName, ListedAgent? Agent);

public sealed record ListedAgent(string? SessionId, string? ClientName);

public sealed record ListedPage(List<ListedVersion> Versions, int? Next);

/// <summary>Reading a project's history over HTTP, and its events straight from the store to check the history against.</summary>
internal static class Histories
{
    public static async Task<ListedPage> Page(this ApiClient client, Guid projectId, string query = "") =>
        (await client.Get($"/api/projects/{projectId}/history{query}")).ShouldBe(HttpStatusCode.OK).As<ListedPage>();

    /// <summary>Every version of the project, oldest first, read page by page.</summary>
    public static async Task<List<ListedVersion>> All(this ApiClient client, Guid projectId)
    {
        var versions = new List<ListedVersion>();
        for (int? before = null; ;)
        {
            var page = await client.Page(projectId, before is null ? "?limit=200" : $"?limit=200&before={before}");
            versions.AddRange(page.Versions);
            if (page.Next is not { } next)
            {
                versions.Reverse();
                return versions;
            }

            before = next;
        }
    }

    /// <summary>Waits (at most 15 s) until every event of the project is in a closed version, and answers the versions.</summary>
    public static async Task<List<ListedVersion>> AllClosed(this ApiClient client, QualCoderApp app, Guid projectId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var events = await EventSequences(app, projectId);
            var versions = await client.All(projectId);
            if (versions.Sum(v => v.EventCount) >= events.Count && versions.LastOrDefault()?.ToSequence == events.LastOrDefault())
            {
                return versions;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{events.Count} events, versions cover {versions.Sum(v => v.EventCount)}");
            await Task.Delay(50);
        }
    }

    /// <summary>The global sequences of the project's events, in order.</summary>
    public static async Task<List<long>> EventSequences(QualCoderApp app, Guid projectId)
    {
        await using var connection = new NpgsqlConnection(app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select seq_id from qualcoder.mt_events where data ->> 'projectId' = $1 order by seq_id", connection);
        command.Parameters.AddWithValue(projectId.ToString());
        var sequences = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sequences.Add(reader.GetInt64(0));
        }

        return sequences;
    }

    /// <summary>Every event of the project is in exactly one version; numbers run 1..n; the newest alone is current.</summary>
    public static void AssertCoverExactly(IReadOnlyList<ListedVersion> versions, IReadOnlyList<long> events)
    {
        Assert.Equal(Enumerable.Range(1, versions.Count), versions.Select(v => v.Number));
        Assert.Equal(events.Count, versions.Sum(v => v.EventCount));
        foreach (var version in versions)
        {
            Assert.Equal(version.EventCount, events.Count(e => e >= version.FromSequence && e <= version.ToSequence));
        }

        Assert.All(versions.Zip(versions.Skip(1)), pair => Assert.True(pair.First.ToSequence < pair.Second.FromSequence, $"{pair.First} overlaps {pair.Second}"));
        Assert.Equal(versions.Select(v => v.Number == versions.Count), versions.Select(v => v.Current));
    }

    public static Task<Reply> CreateCode(this ApiClient client, Guid projectId, string name) =>
        client.Post($"/api/projects/{projectId}/codes", new { name, color = "#336699" });

    public static Task<Reply> Describe(this ApiClient client, Guid projectId, string description) =>
        client.Put($"/api/projects/{projectId}/description", new { description });
}
