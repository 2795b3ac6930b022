using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Npgsql;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Benchmarks;

/// <summary>A project with a coder signed in over HTTP, a code, and sources to code; the scenarios of the benchmark.</summary>
internal sealed class Workbench(BenchmarkHost host, HttpClient[] clients, Guid projectId, Guid accountId, Guid codeId)
{
    private static readonly string Words = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet ", 20));

    private string Segments => $"/api/projects/{projectId}/segments";

    public static async Task<Workbench> ArrangeAsync(BenchmarkHost host, Uri baseAddress, int clientCount)
    {
        var cookies = new CookieContainer();
        var clients = Enumerable.Range(0, clientCount)
            .Select(_ => new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress })
            .ToArray();
        var account = await Expect(await clients[0].PostAsJsonAsync("/api/accounts", new { email = "bench@example.org", displayName = "Bench", password = "benchmark passphrase" }), HttpStatusCode.Created);
        var project = await Expect(await clients[0].PostAsJsonAsync("/api/projects", new { name = "Benchmark" }), HttpStatusCode.Created);
        var bench = new Workbench(host, clients, project.GetProperty("id").GetGuid(), account.GetProperty("id").GetGuid(), Guid.CreateVersion7());
        await bench.AddCodeAsync();
        return bench;
    }

    /// <summary>A row of the raw baseline: the JSON of a typical coding event.</summary>
    public static string SamplePayload() => JsonSerializer.Serialize(
        new SegmentCoded(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), 12_345, 12_390,
            "dolor sit amet lorem ipsum dolor sit amet lore", "", 0, new Actor(Guid.CreateVersion7()), DateTimeOffset.UtcNow),
        JsonSerializerOptions.Web);

    public async Task<long> CodeSinglesForAsync(TimeSpan duration)
    {
        var sources = await Task.WhenAll(clients.Select(_ => AddSourceAsync(200_000)));
        // Warm up every path first (JIT, Wolverine's handler compilation, connection pool), off the clock.
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            for (var n = 0; n < 20; n++)
            {
                await Expect(await client.PostAsJsonAsync(Segments, At(sources[i], 190_000 + (n * 10), 190_008 + (n * 10))), HttpStatusCode.Created);
            }
        }));
        var until = DateTime.UtcNow + duration;
        var counts = await Task.WhenAll(clients.Select(async (client, i) =>
        {
            long count = 0;
            while (DateTime.UtcNow < until)
            {
                await Expect(await client.PostAsJsonAsync(Segments, At(sources[i], count * 10, (count * 10) + 8)), HttpStatusCode.Created);
                count++;
            }

            return count;
        }));
        return counts.Sum();
    }

    public async Task<TimeSpan> CodeBatchAsync(int size)
    {
        var source = await AddSourceAsync(size * 10);
        var items = Enumerable.Range(0, size).Select(i => At(source, i * 10, (i * 10) + 8)).ToArray();
        var clock = Stopwatch.StartNew();
        var reply = await Expect(await clients[0].PostAsJsonAsync($"{Segments}/batch", new { items }), HttpStatusCode.OK);
        clock.Stop();
        return reply.GetProperty("succeeded").GetInt32() == size
            ? clock.Elapsed
            : throw new InvalidOperationException($"The batch did not land whole: {reply}");
    }

    public Task<double[]> ProjectReadLatenciesAsync(int samples) =>
        TimeEachAsync(samples, _ => clients[0].GetAsync($"/api/projects/{projectId}"));

    public Task<double[]> ProjectCommandLatenciesAsync(int samples) =>
        TimeEachAsync(samples, i => clients[0].PutAsJsonAsync($"/api/projects/{projectId}/description", new { description = $"Run {i}" }));

    private static async Task<double[]> TimeEachAsync(int samples, Func<int, Task<HttpResponseMessage>> send)
    {
        var latencies = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            (await send(i)).EnsureSuccessStatusCode();
            latencies[i] = clock.Elapsed.TotalMilliseconds;
        }

        return latencies;
    }

    public async Task<double[]> SingleCodingLatenciesAsync(int samples)
    {
        var source = await AddSourceAsync((samples * 10) + 10);
        return await TimeEachAsync(samples, i => clients[0].PostAsJsonAsync(Segments, At(source, i * 10, (i * 10) + 8)));
    }

    public async Task<double[]> ReadBigSourceAsync(int characters, int codings, int samples)
    {
        var source = await AddSourceAsync(characters);
        var step = characters / codings;
        var items = Enumerable.Range(0, codings).Select(i => At(source, i * step, (i * step) + Math.Min(40, step))).ToArray();
        await Expect(await clients[0].PostAsJsonAsync($"{Segments}/batch", new { items }), HttpStatusCode.OK);
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var clock = Stopwatch.StartNew();
            var reply = await clients[0].GetAsync($"/api/projects/{projectId}/sources/{source}/segments");
            var segments = await reply.Content.ReadFromJsonAsync<JsonElement>();
            times[i] = clock.Elapsed.TotalMilliseconds;
            if (segments.GetArrayLength() != codings)
            {
                throw new InvalidOperationException($"Expected {codings} codings, read {segments.GetArrayLength()}.");
            }
        }

        return times;
    }

    public Task<long> AverageEventSizeAsync(string connectionString) =>
        ScalarAsync(connectionString, "select coalesce(avg(length(data::text)), 0)::bigint from qualcoder.mt_events where type = 'segment_coded'");

    public Task<long> VersionCountAsync(string connectionString) =>
        ScalarAsync(connectionString, "select count(*) from qualcoder.mt_doc_projectversion");

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task AddCodeAsync() => AppendAsync(
        ProjectStreams.CodebookOf(projectId), new CodeCreated(projectId, codeId, "Benchmark", "#336699", "", null, new Actor(accountId), DateTimeOffset.UtcNow));

    private object At(Guid source, long start, long end) => new { sourceId = source, codeId, start, end };

    private async Task<Guid> AddSourceAsync(int characters)
    {
        var sourceId = Guid.CreateVersion7();
        var text = string.Concat(Enumerable.Repeat(Words, (characters / Words.Length) + 1))[..characters];
        await AppendAsync(sourceId, new SourceAdded(projectId, sourceId, $"Source {sourceId:N}", text, "text", "", "", null, new Actor(accountId), DateTimeOffset.UtcNow));
        return sourceId;
    }

    private async Task AppendAsync(Guid streamId, object @event)
    {
        await using var session = host.Store.LightweightSession();
        session.Events.Append(streamId, @event);
        await session.SaveChangesAsync();
    }

    private static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == status
            ? JsonSerializer.Deserialize<JsonElement>(body)
            : throw new InvalidOperationException($"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
    }
}
