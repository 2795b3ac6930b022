using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Search;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QualCoder.Server.Tests.Features.Search;

/// <summary>
/// 200 sources of 5,000 characters in the project searched (about 11,500 passages) and as many in another project
/// (the GIN indexes hold every project's passages): the search is answered from the GIN indexes, and the schema
/// Marten created matches its configuration, so a restart changes nothing. Alone on the machine a search takes
/// 10-60 ms here; the bound is loose because test classes run in parallel on shared cores, and the plan
/// assertions are what catch a search that scans every passage (300 ms and more).
/// </summary>
public sealed class SimilarContentAtScaleTests(QualCoderApp app, ITestOutputHelper output) : IntegrationTest(app)
{
    private const int Sources = 200;
    private const int SourceLength = 5_000;

    private static readonly string[] Words =
    [
        "waiting", "clinic", "family", "support", "nurse", "doctor", "appointment", "diagnosis", "worry", "hope", "children",
        "work", "money", "sleep", "pain", "medicine", "hospital", "friends", "church", "neighbour", "bus", "weather", "garden",
        "kitchen", "letter", "phone", "treatment", "results", "scan", "husband", "mother", "sister", "school", "market", "tired",
    ];

    private static string SourceText(Random random)
    {
        var text = new System.Text.StringBuilder();
        while (text.Length < SourceLength)
        {
            var sentence = Enumerable.Range(0, random.Next(8, 20)).Select(_ => random.Next(4) == 0 ? Words[random.Next(Words.Length)] : Filler(random));
            text.Append(string.Join(' ', sentence)).Append(random.Next(5) == 0 ? ".\n" : ". ");
        }

        return text.ToString(0, SourceLength);
    }

    /// <summary>Made-up words, so that each query's candidates are a realistic fraction of the passages, not all of them.</summary>
    private static string Filler(Random random) => new([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => (char)('a' + random.Next(26)))]);

    private async Task<Guid> SeedProject(Random random)
    {
        var projectId = Guid.CreateVersion7();
        var actor = new Actor(Guid.CreateVersion7());
        await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        for (var i = 0; i < Sources; i++)
        {
            var sourceId = Guid.CreateVersion7();
            session.Events.Append(sourceId, new SourceAdded(projectId, sourceId, $"Interview {i:000}", SourceText(random), "text", "", "", null, actor, DateTimeOffset.UtcNow));
        }

        await session.SaveChangesAsync();
        return projectId;
    }

    [Fact]
    public async Task a_search_over_200_sources_of_5000_characters_is_answered_from_the_gin_indexes()
    {
        var random = new Random(7);
        var projectId = await SeedProject(random);
        await SeedProject(random);
        var store = App.Services.GetRequiredService<IDocumentStore>();
        output.WriteLine($"{await PassageRows.CountAsync(App)} passages");
        await using (var analyze = store.QuerySession())
        {
            await using var command = new NpgsqlCommand($"analyze qualcoder.{SourcePassages.TableName}", analyze.Connection);
            await command.ExecuteNonQueryAsync();
        }

        var worry = await new Seed(App, projectId, Guid.CreateVersion7()).Code("Worry");
        foreach (var (text, codeId) in new (string, Guid?)[] { ("waiting clinic", null), ("appointmnet", null), ("worry about the children", null), ("worry about the children", worry) })
        {
            await using var session = store.QuerySession();
            var plan = await Explain(session, projectId, text, codeId);
            output.WriteLine(plan);
            Assert.Contains($"{SourcePassages.TableName}_words", plan);
            Assert.Contains($"{SourcePassages.TableName}_trigrams", plan);
            Assert.DoesNotContain($"Seq Scan on {SourcePassages.TableName}", plan);

            var times = new List<double>();
            var count = 0;
            for (var i = 0; i < 12; i++)
            {
                var clock = Stopwatch.StartNew();
                var (error, found) = await SimilarContent.FindAsync(session, projectId, text, codeId, SimilarContent.DefaultLimit, default);
                times.Add(clock.Elapsed.TotalMilliseconds);
                Assert.Null(error);
                count = found!.MatchCount;
            }

            var median = times.Skip(2).Order().ElementAt(5);
            output.WriteLine($"'{text}'{(codeId is null ? "" : " with a code")}: {count} matches, median {median:F1} ms, slowest {times.Skip(2).Max():F1} ms");
            Assert.True(count > 0);
            Assert.True(median < 250, $"median {median:F1} ms");
        }
    }

    private static async Task<string> Explain(IQuerySession session, Guid projectId, string text, Guid? codeId)
    {
        var sql = "explain (analyze, costs off) " + SimilarContent.Sql(session.DocumentStore.Options);
        await using var batch = SimilarContent.SearchBatch(session.Connection, sql, text, projectId, codeId, SimilarContent.DefaultLimit);
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.NextResultAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    [Fact]
    public async Task the_database_marten_created_matches_the_configuration_so_a_restart_changes_nothing()
    {
        var store = App.Services.GetRequiredService<IDocumentStore>();

        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }
}
