using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Npgsql;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.History;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Benchmarks;

/// <summary>
/// The history benchmark (`--history`): a project of <c>events</c> events (sources, a codebook, and a long tail of
/// codings, memos, importance, resizes, recodes, removals and renames, as coders make them), appended through Marten
/// in batches so every inline read model is written as in production, and cut into versions of 1-20 events as the
/// batcher closes them (the server runs with history off, so its batcher does not race the benchmark's versions).
/// It then times the history page, the diff from the first to the last version, and a restore to an early version.
/// </summary>
internal sealed class HistoryBench(BenchmarkHost host, Guid projectId, Guid accountId)
{
    private const int AppendBatch = 2_000;
    private static readonly string Words = string.Concat(Enumerable.Repeat("the night shift was long and the ward was quiet ", 40));

    private string Url => $"/api/projects/{projectId}";

    public static async Task RunAsync(string connectionString, int events)
    {
        await using var host = new BenchmarkHost(connectionString, history: false);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.Start() };
        var account = await Expect(await client.PostAsJsonAsync("/api/accounts", new { email = "history@example.org", displayName = "Historian", password = "benchmark passphrase" }));
        var project = await Expect(await client.PostAsJsonAsync("/api/projects", new { name = "History benchmark" }));
        var bench = new HistoryBench(host, project.GetProperty("id").GetGuid(), account.GetProperty("id").GetGuid());

        var build = Stopwatch.StartNew();
        await bench.AppendAsync(bench.Events(events - 1));
        var versions = await bench.CutIntoVersionsAsync(connectionString);
        Console.WriteLine($"QualCoder Web history benchmark: {events:N0} events in {versions:N0} versions, built in {build.Elapsed.TotalSeconds:F1} s");

        var page = await TimeAsync(20, () => client.GetAsync($"{bench.Url}/history?limit=50"));
        Console.WriteLine($"history page (50 newest versions): median {Median(page):F1} ms, max {page.Max():F1} ms (aim < 100 ms)");

        var diff = await TimeAsync(3, () => client.GetAsync($"{bench.Url}/history/diff?from=1&to={versions}"));
        Console.WriteLine($"diff first -> last version: median {Median(diff):F0} ms, max {diff.Max():F0} ms (aim < 2,000 ms)");

        var early = Math.Min(10, versions);
        var preview = await TimeAsync(1, () => client.PostAsJsonAsync($"{bench.Url}/history/restore", new { version = early }));
        var clock = Stopwatch.StartNew();
        var restored = await Expect(await client.PostAsJsonAsync($"{bench.Url}/history/restore", new { version = early, confirm = true }));
        clock.Stop();
        Console.WriteLine(
            $"restore to version {early}: preview {preview[0]:F0} ms; confirmed {clock.Elapsed.TotalMilliseconds:F0} ms, " +
            $"{restored.GetProperty("eventsAppended").GetInt32():N0} events appended (aim < 5,000 ms)");

        // Back from there to the middle of the history: every source returns, with half the codings, one by one.
        var middle = versions / 2;
        clock.Restart();
        restored = await Expect(await client.PostAsJsonAsync($"{bench.Url}/history/restore", new { version = middle, confirm = true }));
        clock.Stop();
        Console.WriteLine(
            $"then restore to version {middle}: {clock.Elapsed.TotalMilliseconds:F0} ms, {restored.GetProperty("eventsAppended").GetInt32():N0} events appended");
    }

    /// <summary>A seeded, realistic history: most events code a passage; the rest change codings, codes and sources.</summary>
    private IEnumerable<(Guid Stream, object Event)> Events(int count)
    {
        var random = new Random(6);
        var actor = new Actor(accountId);
        var at = DateTimeOffset.UtcNow.AddDays(-30);
        var codebook = ProjectStreams.CodebookOf(projectId);
        var categories = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();
        var codes = Enumerable.Range(0, 200).Select(_ => Guid.CreateVersion7()).ToList();
        var sources = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToList();
        var codings = new List<(Guid Source, Guid Id)>();
        var made = 0;
        for (var i = 0; i < categories.Count; i++, made++)
        {
            yield return (codebook, new CategoryCreated(projectId, categories[i], $"Category {i}", null, "", actor, at));
        }

        for (var i = 0; i < codes.Count; i++, made++)
        {
            yield return (codebook, new CodeCreated(projectId, codes[i], $"Code {i}", "#336699", "", categories[i % categories.Count], actor, at));
        }

        for (var i = 0; i < sources.Count; i++, made++)
        {
            yield return (sources[i], new SourceAdded(projectId, sources[i], $"Interview {i}", Words, "text", "", "", null, actor, at));
        }

        for (; made < count; made++)
        {
            at = at.AddSeconds(2);
            var roll = random.Next(100);
            if (roll < 70 || codings.Count < 100)
            {
                var source = sources[random.Next(sources.Count)];
                var start = random.Next(0, Words.Length - 60);
                var id = Guid.CreateVersion7();
                codings.Add((source, id));
                yield return (source, new SegmentCoded(projectId, source, id, codes[random.Next(codes.Count)], start, start + 40, Words.Substring(start, 40), "", 0, actor, at));
                continue;
            }

            var (codingSource, coding) = codings[random.Next(codings.Count)];
            yield return roll switch
            {
                < 78 => (codingSource, new SegmentMemoChanged(projectId, codingSource, coding, $"memo {made} about the night shift", actor, at)),
                < 83 => (codingSource, new SegmentImportanceSet(projectId, codingSource, coding, random.Next(3), actor, at)),
                < 86 => (codingSource, new SegmentResized(projectId, codingSource, coding, 10, 60, Words.Substring(10, 50), actor, at)),
                < 89 => (codingSource, new SegmentRecoded(projectId, codingSource, coding, codes[random.Next(codes.Count)], actor, at)),
                < 96 => Uncode(codingSource, coding),
                < 98 => (codebook, new CodeMemoChanged(projectId, codes[random.Next(codes.Count)], $"A code about shift {made}.", actor, at)),
                < 99 => (codebook, new CodeRenamed(projectId, codes[random.Next(codes.Count)], $"Code {made}", actor, at)),
                _ => (sources[made % sources.Count], new SourceMemoChanged(projectId, sources[made % sources.Count], $"Source memo {made}", actor, at)),
            };
        }

        (Guid, object) Uncode(Guid source, Guid id)
        {
            codings.Remove((source, id));
            return (source, new SegmentUncoded(projectId, source, id, actor, at));
        }
    }

    private async Task AppendAsync(IEnumerable<(Guid Stream, object Event)> events)
    {
        foreach (var chunk in events.Chunk(AppendBatch))
        {
            await using var session = host.Store.LightweightSession();
            foreach (var stream in chunk.GroupBy(e => e.Stream))
            {
                session.Events.Append(stream.Key, [.. stream.Select(e => e.Event)]);
            }

            await session.SaveChangesAsync();
        }
    }

    /// <summary>Cuts the project's events into consecutive versions of 1-20 events, with the areas and messages the batcher gives them.</summary>
    private async Task<int> CutIntoVersionsAsync(string connectionString)
    {
        var rows = new List<(long Sequence, string Type, DateTimeOffset At)>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select seq_id, type, timestamp from qualcoder.mt_events where data ->> 'projectId' = $1 order by seq_id", connection);
            command.Parameters.AddWithValue(projectId.ToString());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        var random = new Random(12);
        var number = 0;
        await using var session = host.Store.LightweightSession();
        for (var i = 0; i < rows.Count;)
        {
            var version = rows.Skip(i).Take(random.Next(1, 21)).ToList();
            i += version.Count;
            number++;
            var areas = version.GroupBy(r => VersionMessages.AreaOf(r.Type)).ToDictionary(g => g.Key, g => g.Count());
            session.Store(new ProjectVersion(
                ProjectVersion.IdOf(projectId, number), projectId, number, version[0].Sequence, version[^1].Sequence, version.Count,
                version[0].At, version[^1].At, [new VersionActor(accountId, null, null)], areas,
                VersionMessages.Describe(areas, version.Count == 1 ? version[0].Type : null, null), null));
        }

        await session.SaveChangesAsync();
        return number;
    }

    private static async Task<double[]> TimeAsync(int samples, Func<Task<HttpResponseMessage>> send)
    {
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            await Expect(await send());
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        return times;
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    private static async Task<JsonElement> Expect(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonSerializer.Deserialize<JsonElement>(body)
            : throw new InvalidOperationException($"Expected success, got {(int)response.StatusCode}: {body}");
    }
}
