using System.Diagnostics;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Benchmarks;

/// <summary>The coding benchmark (README: "Benchmark"). `--smoke` runs every part briefly so CI proves it still works.</summary>
internal static class Benchmark
{
    public static async Task Main(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var scale = new Scale(
            Duration: TimeSpan.FromSeconds(smoke ? 1 : 10),
            Clients: 8,
            Batch: smoke ? 500 : 10_000,
            LatencySamples: smoke ? 50 : 1_000,
            BigSourceChars: smoke ? 30_000 : 300_000,
            BigSourceCodings: smoke ? 300 : 3_000,
            HistoryRounds: smoke ? 1 : 3);

        var server = await PostgresServer.GetAsync();
        var database = $"bench_{Guid.NewGuid():N}";
        var connectionString = await server.CreateDatabaseAsync(database);
        var withoutHistory = $"{database}_nohistory";
        var withoutHistoryConnection = await server.CreateDatabaseAsync(withoutHistory);
        try
        {
            await using var host = new BenchmarkHost(connectionString);
            var bench = await Workbench.ArrangeAsync(host, host.Start(), scale.Clients);
            await using var baselineHost = new BenchmarkHost(withoutHistoryConnection, history: false);
            var baseline = await Workbench.ArrangeAsync(baselineHost, baselineHost.Start(), scale.Clients);
            var raw = new RawInserts(connectionString, Workbench.SamplePayload());
            await raw.CreateTableAsync();
            Console.WriteLine($"QualCoder Web coding benchmark{(smoke ? " (smoke)" : "")}: {Environment.ProcessorCount} cores, PostgreSQL {database}");

            // (a) Throughput: single codings over HTTP from 8 clients, then plain inserts from 8 connections.
            var coded = await bench.CodeSinglesForAsync(scale.Duration);
            var inserted = await raw.InsertForAsync(scale.Clients, scale.Duration);
            var codingRate = coded / scale.Duration.TotalSeconds;
            var rawRate = inserted / scale.Duration.TotalSeconds;
            Console.WriteLine($"(a) single codings over HTTP, {scale.Clients} clients: {codingRate,7:F0}/s | raw Npgsql inserts, {scale.Clients} connections: {rawRate,7:F0}/s | ratio {codingRate / rawRate:F3} (aim >= 0.25)");
            Console.WriteLine($"    stored event JSON {await bench.AverageEventSizeAsync(connectionString)} bytes, raw row JSON {Workbench.SamplePayload().Length} bytes");

            // (e) What version history costs the write path: (a)'s workload on this server (history on) and on a second
            // one with history off (its own database), in pairs whose order alternates, so drift in the machine's load
            // falls on both sides; each server settles (its background work done) before the other is measured.
            var on = new List<double>();
            var off = new List<double>();
            for (var round = 0; round < scale.HistoryRounds; round++)
            {
                foreach (var historyOn in round % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    await host.SettleAsync();
                    await baselineHost.SettleAsync();
                    var rate = await (historyOn ? bench : baseline).CodeSinglesForAsync(scale.Duration) / scale.Duration.TotalSeconds;
                    (historyOn ? on : off).Add(rate);
                }
            }

            Console.WriteLine($"(e) single codings with version history on: {on.Average(),7:F0}/s ({string.Join(", ", on.Select(r => r.ToString("F0")))}) | off: {off.Average(),7:F0}/s ({string.Join(", ", off.Select(r => r.ToString("F0")))}) | ratio {on.Average() / off.Average():F3} (aim >= 0.90)");
            Console.WriteLine($"    {await bench.VersionCountAsync(connectionString)} versions closed for the project with history on");

            // (b) One batch of 10,000 codings in one request, then 10,000 plain inserts in one transaction.
            var batchTime = await bench.CodeBatchAsync(scale.Batch);
            var rawBatch = Stopwatch.StartNew();
            await raw.InsertInOneTransactionAsync(scale.Batch);
            rawBatch.Stop();
            Console.WriteLine($"(b) batch of {scale.Batch} codings over HTTP: {batchTime.TotalMilliseconds,6:F0} ms | {scale.Batch} raw inserts in one transaction: {rawBatch.Elapsed.TotalMilliseconds,6:F0} ms | ratio {rawBatch.Elapsed / batchTime:F3} (aim >= 0.2)");

            // (c) Latency of one coding, one request at a time; beside it, the floor any read and any command pay.
            var latencies = await bench.SingleCodingLatenciesAsync(scale.LatencySamples);
            var reads = await bench.ProjectReadLatenciesAsync(scale.LatencySamples);
            var commands = await bench.ProjectCommandLatenciesAsync(scale.LatencySamples);
            Console.WriteLine($"(c) single coding latency over {latencies.Length} requests: p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms");
            Console.WriteLine($"    for scale: reading one project p50 {Percentile(reads, 0.50):F1} ms; the smallest command (a project's description) p50 {Percentile(commands, 0.50):F1} ms");

            // (d) Reading every coding of a long, densely coded source.
            var bigReads = await bench.ReadBigSourceAsync(scale.BigSourceChars, scale.BigSourceCodings, samples: smoke ? 5 : 20);
            Console.WriteLine($"(d) all {scale.BigSourceCodings} codings of a {scale.BigSourceChars:N0}-character source: median {Percentile(bigReads, 0.5):F1} ms, max {bigReads.Max():F1} ms (aim < 100 ms)");
        }
        finally
        {
            await server.DropDatabaseAsync(database);
            await server.DropDatabaseAsync(withoutHistory);
        }
    }

    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

internal sealed record Scale(TimeSpan Duration, int Clients, int Batch, int LatencySamples, int BigSourceChars, int BigSourceCodings, int HistoryRounds);
