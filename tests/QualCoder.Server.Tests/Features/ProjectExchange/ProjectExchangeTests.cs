using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Features.History;
using QualCoder.Server.Tests.Features.History;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.ProjectExchange;

/// <summary>A second server on a database of its own, to import into; it takes export files of at most 256 KB.</summary>
public sealed class OtherServer : QualCoderApp
{
    public const int MaxImportBytes = 256 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["QualCoder:MaxImportBytes"] = $"{MaxImportBytes}" };
}

public sealed class ProjectExchangeTests(QualCoderApp app, OtherServer other) : IntegrationTest(app), IClassFixture<OtherServer>, IDisposable
{
    private static readonly string[] Searches = ["tired", "night shift"];

    private readonly List<ApiClient> _otherClients = [];

    private async Task<ApiClient> OnOtherServer(string name)
    {
        if (_otherClients.Count == 0)
        {
            await other.ResetAsync();
        }

        var client = other.NewClient();
        _otherClients.Add(client);
        return await client.Register(name);
    }

    private static async Task<string> Export(ApiClient owner, Guid projectId)
    {
        var reply = (await owner.Get($"/api/projects/{projectId}/export")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/x-ndjson", reply.ContentType);
        return reply.Text;
    }

    private static Task<Reply> Import(ApiClient importer, string file) => importer.Send(new HttpRequestMessage(HttpMethod.Post, "/api/projects/import")
    {
        Content = new StringContent(file, Encoding.UTF8, "application/x-ndjson"),
    });

    private static JsonObject[] Lines(string file) => [.. file.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];

    /// <summary>The file's lines (without the old trailer) changed by <paramref name="change"/>, sealed again with a correct checksum.</summary>
    private static string Resealed(string file, Func<string, string> change)
    {
        var lines = file.Split('\n', StringSplitOptions.RemoveEmptyEntries)[..^1].Select(change).ToArray();
        return ExportFiles.Sealed(lines, lines.Length - 1);
    }

    /// <summary>Ada's rich project exported, and Bea signed in on the other server to import it.</summary>
    private async Task<(ApiClient Ada, Guid ProjectId, string File, ApiClient Bea)> Exported()
    {
        var ada = await SignedIn("Ada");
        var projectId = await RichProject.Build(App, ada, await SignedIn("Cy"));
        return (ada, projectId, await Export(ada, projectId), await OnOtherServer("Bea"));
    }

    [Fact]
    public async Task a_project_moved_to_another_server_shows_the_same_codebook_sources_codings_suggestions_and_search()
    {
        var (ada, projectId, file, bea) = await Exported();

        var imported = (await Import(bea, file)).ShouldBe(HttpStatusCode.Created);

        var newId = imported.Guid("id");
        Assert.NotEqual(projectId, newId);
        Assert.Equal("Ward study 2026", imported.String("name"));
        Assert.Equal("owner", imported.String("myRole"));
        Assert.Equal(1, imported["memberCount"].GetValue<int>());
        Assert.Equal(await Portrait.Of(ada, projectId, Searches), await Portrait.Of(bea, newId, Searches));
        var project = (await bea.Get($"/api/projects/{newId}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Nurses on night shifts", project.String("description"));
    }

    [Fact]
    public async Task the_imported_history_is_one_version_even_after_the_batcher_has_seen_its_events()
    {
        var (_, _, file, bea) = await Exported();

        var newId = (await Import(bea, file)).ShouldBe(HttpStatusCode.Created).Guid("id");

        var events = await Histories.EventSequences(other, newId);
        Histories.AssertCoverExactly(await bea.All(newId), events);
        await other.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        await WaitUntilNoOpenParts(newId);
        var versions = await bea.All(newId);
        Histories.AssertCoverExactly(versions, events);
        Assert.Equal(1, Assert.Single(versions).Number);
    }

    /// <summary>The batcher's parts of the project all closed (here: dropped as covered by the import's own version).</summary>
    private async Task WaitUntilNoOpenParts(Guid projectId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var session = other.Services.GetRequiredService<IDocumentStore>().QuerySession();
            if (!await session.Query<VersionPart>().AnyAsync(p => p.ProjectId == projectId))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The batcher's parts of the imported project were never closed.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task the_export_is_a_header_every_event_in_commit_order_and_a_checksum_line()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject("Ward study");
        (await ada.Post($"/api/projects/{projectId}/codes", new { name = "Joy", color = "#ffcc00" })).ShouldBe(HttpStatusCode.Created);
        await ada.AddSource(projectId, "Interview 1", "Hello");

        var reply = (await ada.Get($"/api/projects/{projectId}/export")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("Ward study.qcproj.jsonl", reply.Headers!.ContentDisposition!.FileName?.Trim('"'));
        var lines = Lines(reply.Text);
        Assert.Equal(5, lines.Length);
        Assert.Equal("qualcoder-project-events", lines[0]["format"]!.GetValue<string>());
        Assert.Equal(projectId, lines[0]["projectId"]!.GetValue<Guid>());
        Assert.Equal(ada.AccountId, lines[0]["exportedBy"]!.GetValue<Guid>());
        Assert.Equal(3, lines[0]["eventCount"]!.GetValue<int>());
        Assert.Equal(["project_created", "code_created", "source_added"], lines[1..4].Select(l => l["type"]!.GetValue<string>()));
        Assert.Equal("Hello", lines[3]["data"]!["text"]!.GetValue<string>());
        Assert.True(lines[1]["sequence"]!.GetValue<long>() < lines[2]["sequence"]!.GetValue<long>());
        Assert.Equal(3, lines[4]["eventCount"]!.GetValue<int>());
        Assert.StartsWith("sha256:", lines[4]["checksum"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_imported_project_exported_and_imported_again_is_the_same_project_with_its_events_in_the_same_order()
    {
        var (ada, projectId, first, bea) = await Exported();
        var onOther = (await Import(bea, first)).ShouldBe(HttpStatusCode.Created).Guid("id");

        var second = await Export(bea, onOther);
        var back = (await Import(ada, second)).ShouldBe(HttpStatusCode.Created).Guid("id");

        Assert.Equal(await Portrait.Of(ada, projectId, Searches), await Portrait.Of(ada, back, Searches));
        // Membership is not carried over; everything else is, in the order it happened.
        var types = (string file) => Lines(file)[1..^1].Select(l => l["type"]!.GetValue<string>()).Where(t => !t.StartsWith("member_", StringComparison.Ordinal));
        Assert.Equal(types(first), types(second));
        Assert.Contains("member_added", Lines(first).Select(l => l["type"]?.GetValue<string>()));
    }

    [Fact]
    public async Task the_same_file_imported_twice_makes_two_independent_projects()
    {
        var (_, _, file, bea) = await Exported();

        var once = (await Import(bea, file)).ShouldBe(HttpStatusCode.Created).Guid("id");
        var twice = (await Import(bea, file)).ShouldBe(HttpStatusCode.Created).Guid("id");

        Assert.NotEqual(once, twice);
        Assert.Equal(await Portrait.Of(bea, once, Searches), await Portrait.Of(bea, twice, Searches));
        (await bea.Put($"/api/projects/{once}/name", new { name = "Only the first" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Ward study 2026", (await bea.Get($"/api/projects/{twice}")).String("name"));
    }

    [Fact]
    public async Task the_exporter_s_codings_become_the_importer_s_and_another_coder_s_stay_apart_under_an_id_of_no_account()
    {
        var (_, _, file, bea) = await Exported();
        var newId = (await Import(bea, file)).ShouldBe(HttpStatusCode.Created).Guid("id");

        var sources = (await bea.Get($"/api/projects/{newId}/sources")).Json!.AsArray();
        var first = sources.Single(s => s!["name"]!.GetValue<string>() == "Interview 1 (Ward B)")!["id"]!.GetValue<Guid>();
        var coders = (await bea.Get($"/api/projects/{newId}/sources/{first}/segments")).Json!.AsArray()
            .Select(s => s!["coderId"]!.GetValue<Guid>()).Distinct().ToList();

        Assert.Equal(2, coders.Count);
        Assert.Contains(bea.AccountId, coders);
        var members = (await bea.Get($"/api/projects/{newId}/members")).Json!.AsArray().Select(m => m!["accountId"]!.GetValue<Guid>());
        Assert.Equal([bea.AccountId], members);
    }

    [Fact]
    public async Task a_tampered_file_is_refused_and_no_project_is_made()
    {
        var (_, _, file, bea) = await Exported();

        (await Import(bea, file.Replace("Recorded at 6 am", "Recorded at 7 am", StringComparison.Ordinal)))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_IMPORTED/CHECKSUM_MISMATCH");
        (await Import(bea, file[..(file.Length / 2)])).ShouldBe(HttpStatusCode.UnprocessableEntity);

        Assert.Empty((await bea.Get("/api/projects")).Json!.AsArray());
    }

    [Fact]
    public async Task a_newer_format_or_an_unknown_event_type_is_refused()
    {
        var (_, _, file, bea) = await Exported();

        (await Import(bea, file.Replace("\"version\":1,", "\"version\":2,", StringComparison.Ordinal)))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_IMPORTED/UNSUPPORTED_VERSION");
        (await Import(bea, Resealed(file, l => l.Replace("\"code_renamed\"", "\"code_transmogrified\"", StringComparison.Ordinal))))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_IMPORTED/UNKNOWN_EVENT_TYPE");

        Assert.Empty((await bea.Get("/api/projects")).Json!.AsArray());
    }

    [Fact]
    public async Task a_history_that_cannot_be_replayed_leaves_nothing_behind_even_after_part_of_it_was_written()
    {
        var (_, _, file, bea) = await Exported();
        var eventsBefore = await EventCount(other);

        // Late in the file, a second source takes the first one's name: the store's unique index refuses it.
        var clash = Resealed(file, l => l.Replace("\"Interview 3\"", "\"Interview 1\"", StringComparison.Ordinal));
        Assert.NotEqual(file, clash);

        (await Import(bea, clash)).ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_IMPORTED/INCONSISTENT_HISTORY");
        Assert.Empty((await bea.Get("/api/projects")).Json!.AsArray());
        Assert.Equal(eventsBefore, await EventCount(other));
    }

    [Fact]
    public async Task a_file_over_the_import_limit_is_refused_before_it_is_read()
    {
        var bea = await OnOtherServer("Bea");

        (await Import(bea, new string('x', OtherServer.MaxImportBytes + 1))).ShouldBe(HttpStatusCode.RequestEntityTooLarge, "REQUEST/TOO_LARGE");
    }

    [Fact]
    public async Task only_an_owner_exports_and_a_non_member_is_told_nothing()
    {
        var ada = await SignedIn("Ada");
        var eve = await SignedIn("Eve");
        var ed = await SignedIn("Ed");
        var projectId = await ada.CreateProject("Secret study");
        await ada.AddMember(projectId, ed, "editor");

        (await eve.Get($"/api/projects/{projectId}/export")).ShouldBe(HttpStatusCode.NotFound, "PROJECT_NOT_EXPORTED/NOT_FOUND");
        (await ed.Get($"/api/projects/{projectId}/export")).ShouldBe(HttpStatusCode.Forbidden, "PROJECT_NOT_EXPORTED/FORBIDDEN");
    }

    private static async Task<long> EventCount(QualCoderApp server)
    {
        await using var session = server.Services.GetRequiredService<IDocumentStore>().QuerySession();
        // A failed append leaves tombstones (Marten's fillers of the sequence numbers it used), never an event of the project.
        return (await session.AdvancedSql.QueryAsync<long>("select count(*) from qualcoder.mt_events where type <> 'tombstone'", CancellationToken.None))[0];
    }

    public void Dispose() => _otherClients.ForEach(c => c.Dispose());
}
