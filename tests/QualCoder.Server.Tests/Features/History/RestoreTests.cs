using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.History;
using QualCoder.Server.Hosting;
using QualCoder.Server.Tests.Realtime;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.History;

public sealed class RestoreTests(HistoryApp app) : IntegrationTest<HistoryApp>(app)
{
    private static readonly HashSet<string> Volatile = ["version", "createdAt", "updatedAt", "at"];

    private sealed class Project(ApiClient owner, ApiClient coder, Guid projectId, int seed)
    {
        private readonly Random random = new(seed);
        private readonly List<Guid> codes = [];
        private readonly List<Guid> categories = [];
        private readonly List<Guid> sources = [];
        private readonly List<Guid> folders = [];
        private readonly List<Guid> segments = [];
        private int names;

        public string Url => $"/api/projects/{projectId}";

        private T Pick<T>(List<T> items) => items[random.Next(items.Count)];

        private string Name(string kind) => $"{kind} {seed}-{++names}";

        private static Guid? Id(Reply reply) => reply.Status is HttpStatusCode.Created or HttpStatusCode.OK && reply.Json?["id"] is { } id ? id.GetValue<Guid>() : null;

        private static void Keep(List<Guid> into, Reply reply)
        {
            Assert.True((int)reply.Status < 500, reply.Text);
            if (Id(reply) is { } id)
            {
                into.Add(id);
            }
        }

        public async Task Step()
        {
            var by = random.Next(3) == 0 ? coder : owner;
            Reply reply = random.Next(20) switch
            {
                0 => await owner.Put($"{Url}/name", new { name = Name("Study") }),
                1 => await owner.Put($"{Url}/description", new { description = Pick(["", "About nurses", "About tired nurses"]) }),
                2 or 3 => await Made(codes, owner.Post($"{Url}/codes", new { name = Name("code"), color = Pick(["#e6194b", "#3cb44b"]) })),
                4 when codes.Count > 0 => await owner.Put($"{Url}/codes/{Pick(codes)}/name", new { name = Name("code") }),
                5 when codes.Count > 0 => await owner.Put($"{Url}/codes/{Pick(codes)}/color", new { color = Pick(["#4363d8", "#f58231"]) }),
                6 when codes.Count > 0 => await owner.Put($"{Url}/codes/{Pick(codes)}/memo", new { memo = Pick(["", "tired", "tired at night"]) }),
                7 => await Made(categories, owner.Post($"{Url}/categories", new { name = Name("category") })),
                8 when codes.Count > 0 && categories.Count > 0 => await owner.Put($"{Url}/codes/{Pick(codes)}/category", new { categoryId = Pick(categories) }),
                9 when codes.Count > 1 && random.Next(2) == 0 => await owner.Delete($"{Url}/codes/{Pick(codes)}?deleteCodings=true"),
                10 when codes.Count > 1 => await owner.Post($"{Url}/codes/{Pick(codes)}/merge", new { intoCodeId = Pick(codes) }),
                11 when categories.Count > 0 && random.Next(2) == 0 => await owner.Delete($"{Url}/categories/{Pick(categories)}"),
                12 or 13 => await Made(sources, owner.Post($"{Url}/sources", new { name = Name("source"), content = "I felt so tired after the night shift. The nurse said it was fine." })),
                14 when sources.Count > 0 => await owner.Put($"{Url}/sources/{Pick(sources)}/name", new { name = Name("source") }),
                15 when sources.Count > 0 && random.Next(3) == 0 => await owner.Delete($"{Url}/sources/{Pick(sources)}?confirm=true"),
                16 => folders.Count > 0 && sources.Count > 0
                    ? await owner.Put($"{Url}/sources/{Pick(sources)}/folder", new { folderId = random.Next(3) == 0 ? (Guid?)null : Pick(folders) })
                    : await Made(folders, owner.Post($"{Url}/folders", new { name = Name("folder") })),
                17 or 18 when sources.Count > 0 && codes.Count > 0 => await Made(segments, by.Post($"{Url}/segments", new { sourceId = Pick(sources), codeId = Pick(codes), start = random.Next(0, 30), end = random.Next(31, 60) })),
                19 when segments.Count > 0 => random.Next(4) switch
                {
                    0 => await owner.Delete($"{Url}/segments/{Pick(segments)}"),
                    1 => await owner.Put($"{Url}/segments/{Pick(segments)}/memo", new { memo = Pick(["", "night", "shift"]) }),
                    2 => await owner.Put($"{Url}/segments/{Pick(segments)}/importance", new { importance = random.Next(3) }),
                    _ => await owner.Put($"{Url}/segments/{Pick(segments)}/span", new { start = random.Next(0, 10), end = random.Next(11, 40) }),
                },
                _ => await Made(codes, owner.Post($"{Url}/codes", new { name = Name("code"), color = "#911eb4" })),
            };
            Assert.True((int)reply.Status < 500, reply.Text);
        }

        private static async Task<Reply> Made(List<Guid> into, Task<Reply> request)
        {
            var reply = await request;
            Keep(into, reply);
            return reply;
        }

        /// <summary>Every read model a browser shows of the project's content, without stamps and versions, arrays in a stable order.</summary>
        public async Task<string> ReadModels()
        {
            var project = (await owner.Get(Url)).ShouldBe(HttpStatusCode.OK);
            var sourceList = (await owner.Get($"{Url}/sources")).ShouldBe(HttpStatusCode.OK);
            var all = new JsonObject
            {
                ["name"] = project["name"].DeepClone(),
                ["description"] = project["description"].DeepClone(),
                ["codebook"] = (await owner.Get($"{Url}/codebook")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
                ["sources"] = sourceList.Json!.DeepClone(),
                ["folders"] = (await owner.Get($"{Url}/folders")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
                ["counts"] = (await owner.Get($"{Url}/coding/counts")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone(),
            };
            foreach (var id in IdsIn(sourceList.Json!))
            {
                all[$"segments {id}"] = (await owner.Get($"{Url}/sources/{id}/segments")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone();
                all[$"text {id}"] = (await owner.Get($"{Url}/sources/{id}/text")).ShouldBe(HttpStatusCode.OK).Json!.DeepClone();
            }

            return Canonical(all);
        }
    }

    private static IEnumerable<Guid> IdsIn(JsonNode list) =>
        (list is JsonArray array ? array : list["sources"]!.AsArray()).Select(s => s!["id"]!.GetValue<Guid>());

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.Where(p => !Volatile.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical).Order(StringComparer.Ordinal)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    private async Task<(ApiClient Owner, ApiClient Coder, Guid ProjectId)> Team()
    {
        var owner = await SignedIn("Olive");
        var coder = await SignedIn("Cody");
        var projectId = await owner.CreateProject();
        await owner.AddMember(projectId, coder, "coder");
        return (owner, coder, projectId);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public async Task restoring_to_a_version_brings_back_every_read_model_as_it_was_and_the_events_only_grow(int seed)
    {
        var (owner, coder, projectId) = await Team();
        var project = new Project(owner, coder, projectId, seed);
        var captured = new Dictionary<int, string>();
        for (var step = 0; step < 60; step++)
        {
            await project.Step();
            if (step % 6 == 5)
            {
                captured[await ClosedVersions.CloseAsync(App, projectId)] = await project.ReadModels();
            }
        }

        var random = new Random(seed);
        foreach (var n in captured.Keys.OrderBy(_ => random.Next()).Take(3))
        {
            var before = await project.ReadModels();
            var eventsBefore = await EventCount(projectId);
            var reply = (await owner.Post($"{project.Url}/history/restore", new { version = n, confirm = true })).ShouldBe(HttpStatusCode.OK);
            Assert.False(reply["preview"].GetValue<bool>());
            Assert.Equal(captured[n], await project.ReadModels());
            Assert.Equal(eventsBefore + reply["eventsAppended"].GetValue<int>(), await EventCount(projectId));
            Assert.Equal(before == captured[n], reply["eventsAppended"].GetValue<int>() == 0);

            var restoredVersion = await ClosedVersions.CloseAsync(App, projectId);
            captured[restoredVersion] = captured[n];
        }
    }

    /// <summary>Version V1: code Joy; version V2: Joy renamed Delight, a source added and coded with it, then the code deleted with its coding.</summary>
    private async Task<(ApiClient Owner, ApiClient Coder, Guid ProjectId, Guid CodeId, Guid SourceId, int V1, int V2)> TwoVersions()
    {
        var (owner, coder, projectId) = await Team();
        var url = $"/api/projects/{projectId}";
        var codeId = (await owner.Post($"{url}/codes", new { name = "Joy", color = "#e6194b" })).ShouldBe(HttpStatusCode.Created).Guid("id");
        var sourceId = (await owner.Post($"{url}/sources", new { name = "Interview 1", content = "I was happy that day." })).ShouldBe(HttpStatusCode.Created).Guid("id");
        (await coder.Post($"{url}/segments", new { sourceId, codeId, start = 6, end = 11 })).ShouldBe(HttpStatusCode.Created);
        var v1 = await ClosedVersions.CloseAsync(App, projectId);
        (await owner.Put($"{url}/codes/{codeId}/name", new { name = "Delight" })).ShouldBe(HttpStatusCode.OK);
        (await owner.Delete($"{url}/sources/{sourceId}?confirm=true")).ShouldBe(HttpStatusCode.OK);
        var v2 = await ClosedVersions.CloseAsync(App, projectId);
        return (owner, coder, projectId, codeId, sourceId, v1, v2);
    }

    [Fact]
    public async Task the_preview_changes_nothing_and_the_confirmed_restore_brings_the_deleted_source_back_with_its_text_and_codings()
    {
        var (owner, coder, projectId, codeId, sourceId, v1, v2) = await TwoVersions();
        var url = $"/api/projects/{projectId}";
        var eventsBefore = await EventCount(projectId);

        var preview = (await owner.Post($"{url}/history/restore", new { version = v1 })).ShouldBe(HttpStatusCode.OK);
        Assert.True(preview["preview"].GetValue<bool>());
        Assert.Equal(eventsBefore, await EventCount(projectId));
        var changes = preview["diff"]!["changes"]!.AsArray();
        Assert.Contains(changes, c => c!["area"]!.GetValue<string>() == "sources" && c["kind"]!.GetValue<string>() == "added" && c["name"]!.GetValue<string>() == "Interview 1");
        Assert.Contains(changes, c => c!["area"]!.GetValue<string>() == "codes" && c["kind"]!.GetValue<string>() == "renamed" && c["after"]!.GetValue<string>() == "Joy");
        Assert.Contains("not", preview.String("note"));
        (await owner.Get($"{url}/sources/{sourceId}")).ShouldBe(HttpStatusCode.NotFound);

        var done = (await owner.Post($"{url}/history/restore", new { version = v1, confirm = true })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(4, done["eventsAppended"].GetValue<int>());
        Assert.Equal("Interview 1", (await coder.Get($"{url}/sources/{sourceId}")).ShouldBe(HttpStatusCode.OK).String("name"));
        Assert.Equal("I was happy that day.", (await coder.Get($"{url}/sources/{sourceId}/text")).ShouldBe(HttpStatusCode.OK).String("text"));
        var coding = Assert.Single((await coder.Get($"{url}/sources/{sourceId}/segments")).ShouldBe(HttpStatusCode.OK).Json!.AsArray())!;
        Assert.Equal((codeId, coder.AccountId, "happy"), (coding["codeId"]!.GetValue<Guid>(), coding["coderId"]!.GetValue<Guid>(), coding["quote"]!.GetValue<string>()));
        Assert.Equal("Joy", (await coder.Get($"{url}/codes/{codeId}")).ShouldBe(HttpStatusCode.OK).String("name"));
        Assert.Single((await coder.Get($"{url}/search?text=happy")).ShouldBe(HttpStatusCode.OK).Json!["matches"]!.AsArray());

        var again = (await owner.Post($"{url}/history/restore", new { version = v1, confirm = true })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, again["eventsAppended"].GetValue<int>());

        await ClosedVersions.CloseAsync(App, projectId);
        (await owner.Post($"{url}/history/restore", new { version = v2, confirm = true })).ShouldBe(HttpStatusCode.OK);
        (await owner.Get($"{url}/sources/{sourceId}")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("Delight", (await coder.Get($"{url}/codes/{codeId}")).ShouldBe(HttpStatusCode.OK).String("name"));
    }

    [Fact]
    public async Task the_diff_of_a_version_shows_its_changes_and_its_raw_events_and_can_run_backwards()
    {
        var (owner, coder, projectId, codeId, _, v1, v2) = await TwoVersions();
        var url = $"/api/projects/{projectId}/history/diff";

        var defaults = (await coder.Get(url)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal((v2 - 1, v2), (defaults["from"].GetValue<int>(), defaults["to"].GetValue<int>()));
        var newest = (await coder.Get($"{url}?from={v1}&to={v2}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, newest["areas"]!["codes"]!["changed"]!.GetValue<int>());
        Assert.Equal(1, newest["areas"]!["sources"]!["removed"]!.GetValue<int>());
        Assert.Equal(1, newest["areas"]!["codings"]!["removed"]!.GetValue<int>());
        Assert.Equal(["code_renamed", "source_deleted"], newest["events"].AsArray().Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(2, newest["eventsTotal"].GetValue<int>());

        var backwards = (await coder.Get($"{url}?from={v2}&to={v1}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, backwards["areas"]!["sources"]!["added"]!.GetValue<int>());
        var first = (await coder.Get($"{url}?from=0&to={v1}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(0, first["from"].GetValue<int>());
        Assert.Contains(first["changes"].AsArray(), c => c!["kind"]!.GetValue<string>() == "added" && c["id"]!.GetValue<Guid>() == codeId);
        Assert.DoesNotContain("happy that day", first["events"].ToJsonString());

        (await coder.Get($"{url}?from={v1}&to={v2 + 5}")).ShouldBe(HttpStatusCode.NotFound, "HISTORY_DIFF/VERSION_NOT_FOUND");
        (await coder.Get($"{url}?from=-1")).ShouldBe(HttpStatusCode.UnprocessableEntity, "HISTORY_DIFF/INVALID_VERSION");
        (await (await SignedIn("Stranger")).Get(url)).ShouldBe(HttpStatusCode.NotFound, "HISTORY_DIFF/NOT_FOUND");
    }

    [Fact]
    public async Task only_editors_and_owners_restore_and_bad_versions_are_refused()
    {
        var (owner, coder, projectId, _, _, v1, _) = await TwoVersions();
        var url = $"/api/projects/{projectId}/history/restore";
        var viewer = await SignedIn("Vic");
        await owner.AddMember(projectId, viewer, "viewer");

        (await coder.Post(url, new { version = v1, confirm = true })).ShouldBe(HttpStatusCode.Forbidden, "PROJECT_NOT_RESTORED/FORBIDDEN");
        (await viewer.Post(url, new { version = v1 })).ShouldBe(HttpStatusCode.Forbidden, "PROJECT_NOT_RESTORED/FORBIDDEN");
        (await (await SignedIn("Stranger")).Post(url, new { version = v1 })).ShouldBe(HttpStatusCode.NotFound, "PROJECT_NOT_RESTORED/NOT_FOUND");
        (await owner.Post(url, new { version = 99, confirm = true })).ShouldBe(HttpStatusCode.NotFound, "PROJECT_NOT_RESTORED/VERSION_NOT_FOUND");
        (await owner.Post(url, new { confirm = true })).ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_RESTORED/MISSING_VERSION");
        (await owner.Post(url, new { version = 0, confirm = true })).ShouldBe(HttpStatusCode.UnprocessableEntity, "PROJECT_NOT_RESTORED/INVALID_VERSION");
    }

    [Fact]
    public async Task a_concurrent_change_to_a_stream_the_restore_writes_makes_it_fail_whole()
    {
        var (owner, _, projectId, codeId, _, v1, _) = await TwoVersions();
        var eventsBefore = await EventCount(projectId);
        await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var (error, reply) = await RestoreVersionHandler.RestoreAsync(
            new RestoreVersion(projectId, v1, true, new Actor(owner.AccountId)), session, TimeProvider.System, CancellationToken.None);
        Assert.Null(error);
        Assert.Equal(4, reply!.EventsAppended);

        (await owner.Put($"/api/projects/{projectId}/codes/{codeId}/color", new { color = "#000000" })).ShouldBe(HttpStatusCode.OK);

        var lost = await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        Assert.True(ProblemResponses.IsLostRace(lost), lost.ToString());
        Assert.Equal(eventsBefore + 1, await EventCount(projectId));
    }

    [Fact]
    public async Task a_restores_events_reach_open_browsers_live()
    {
        var (owner, _, projectId, codeId, sourceId, v1, _) = await TwoVersions();
        await using var live = await LiveClient.ConnectAsync(App, owner);
        await live.Join(projectId);

        (await owner.Post($"/api/projects/{projectId}/history/restore", new { version = v1, confirm = true })).ShouldBe(HttpStatusCode.OK);

        var changes = await live.WaitFor(c => c.Any(x => x.Type == "project_restored"));
        Assert.Contains(changes, c => c.Type == "source_restored" && c.StreamId == sourceId);
        Assert.Contains(changes, c => c.Type == "code_renamed" && c.Data.GetProperty("codeId").GetGuid() == codeId);
        Assert.Contains(changes, c => c.Type == "segment_coded");
        Assert.Equal(v1, changes.Single(c => c.Type == "project_restored").Data.GetProperty("version").GetInt32());
    }

    private async Task<long> EventCount(Guid projectId)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return (await session.AdvancedSql.QueryAsync<long>(
            $"select count(*) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events where data ->> 'projectId' = ?",
            CancellationToken.None, projectId.ToString()))[0];
    }
}
