using System.Net;
using QualCoder.Server.Tests.Infrastructure;
using QualCoder.Server.Tests.Realtime;

namespace QualCoder.Server.Tests.Features.History;

public class HistoryTests(HistoryApp app) : IntegrationTest<HistoryApp>(app)
{
    private async Task<(ApiClient Owner, Guid ProjectId)> Project()
    {
        var owner = await SignedIn("Olive");
        return (owner, await owner.CreateProject());
    }

    [Fact]
    public async Task a_project_quiet_for_a_moment_gets_a_version_of_its_changes_by_whoever_made_them()
    {
        var (owner, projectId) = await Project();
        (await owner.CreateCode(projectId, "Trust")).ShouldBe(HttpStatusCode.Created);

        var versions = await owner.AllClosed(App, projectId);

        Histories.AssertCoverExactly(versions, await Histories.EventSequences(App, projectId));
        var latest = versions[^1];
        Assert.True(latest.Current);
        Assert.Equal(1, versions.Sum(v => v.Areas.GetValueOrDefault("coding")));
        Assert.Equal([(owner.AccountId, "Olive", (ListedAgent?)null)], versions.SelectMany(v => v.Actors).Distinct().Select(a => (a.AccountId, a.DisplayName, a.Agent)));
        Assert.All(versions, v => Assert.True(v.OpenedAt <= v.ClosedAt));
    }

    [Fact]
    public async Task a_version_of_one_change_is_named_after_its_event()
    {
        var (owner, projectId) = await Project();
        await owner.AllClosed(App, projectId);

        (await owner.CreateCode(projectId, "Trust")).ShouldBe(HttpStatusCode.Created);
        var versions = await owner.AllClosed(App, projectId);

        Assert.Equal("coding.code_created", versions[^1].Message);
        Assert.Equal(1, versions[^1].EventCount);
        Assert.Equal(new Dictionary<string, int> { ["coding"] = 1 }, versions[^1].Areas);
    }

    [Fact]
    public async Task continuous_activity_is_cut_into_several_versions_that_still_cover_every_change()
    {
        var (owner, projectId) = await Project();
        var until = DateTimeOffset.UtcNow + (3 * HistoryApp.Max);
        for (var i = 0; DateTimeOffset.UtcNow < until; i++)
        {
            (await owner.Describe(projectId, $"Round {i}")).ShouldBe(HttpStatusCode.OK);
            await Task.Delay(HistoryApp.Quiet / 4);
        }

        var versions = await owner.AllClosed(App, projectId);

        Histories.AssertCoverExactly(versions, await Histories.EventSequences(App, projectId));
        Assert.True(versions.Count >= 3, $"{versions.Count} versions");
        Assert.Contains(versions, v => v.Message.StartsWith("projects: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task every_change_of_a_random_run_by_several_people_is_in_exactly_one_version()
    {
        var (owner, projectId) = await Project();
        var editors = new[] { await SignedIn("Ezra"), await SignedIn("Edda") };
        foreach (var editor in editors)
        {
            await owner.AddMember(projectId, editor, "editor");
        }

        var random = new Random(6);
        var people = editors.Append(owner).ToArray();
        var pauses = Enumerable.Range(0, 60).Select(_ => random.Next(0, 300)).ToArray();
        await Task.WhenAll(people.Select(async (person, p) =>
        {
            for (var i = p; i < pauses.Length; i += people.Length)
            {
                var reply = (i % 3, person == owner) switch
                {
                    (0, true) => await person.Describe(projectId, $"Step {i}"),
                    (0, false) => await person.Post($"/api/projects/{projectId}/folders", new { name = $"Folder {i}" }),
                    _ => await person.CreateCode(projectId, $"Code {i}"),
                };
                Assert.True(reply.Status is HttpStatusCode.OK or HttpStatusCode.Created, reply.Text);
                await Task.Delay(pauses[i]);
            }
        }));

        var versions = await owner.AllClosed(App, projectId);

        Histories.AssertCoverExactly(versions, await Histories.EventSequences(App, projectId));
        Assert.Equal(people.Select(p => p.AccountId).Order(), versions.SelectMany(v => v.Actors).Select(a => a.AccountId).Distinct().Order());
    }

    [Fact]
    public async Task history_pages_newest_first_and_filters_by_who_acted()
    {
        var (owner, projectId) = await Project();
        var editor = await SignedIn("Ezra");
        await owner.AddMember(projectId, editor, "editor");
        await owner.AllClosed(App, projectId);
        for (var i = 0; i < 4; i++)
        {
            var by = i % 2 == 0 ? editor : owner;
            (await by.CreateCode(projectId, $"Code {i}")).ShouldBe(HttpStatusCode.Created);
            await owner.AllClosed(App, projectId);
            await Task.Delay(HistoryApp.Quiet);
        }

        var all = await owner.All(projectId);
        var n = all.Count;
        Assert.True(n >= 5, $"{n} versions");

        var first = await editor.Page(projectId, "?limit=2");
        Assert.Equal([n, n - 1], first.Versions.Select(v => v.Number));
        Assert.Equal([true, false], first.Versions.Select(v => v.Current));
        Assert.Equal(n - 1, first.Next);
        var second = await editor.Page(projectId, $"?limit=2&before={first.Next}");
        Assert.Equal([n - 2, n - 3], second.Versions.Select(v => v.Number));
        var last = await editor.Page(projectId, $"?limit={n}&before=2");
        Assert.Equal([1], last.Versions.Select(v => v.Number));
        Assert.Null(last.Next);

        var byEditor = await owner.Page(projectId, $"?actor={editor.AccountId}");
        Assert.Equal(2, byEditor.Versions.Count);
        Assert.All(byEditor.Versions, v => Assert.Contains(v.Actors, a => a.AccountId == editor.AccountId && a.DisplayName == "Ezra"));
        Assert.Equal(byEditor.Versions.Select(v => v.Number).OrderDescending(), byEditor.Versions.Select(v => v.Number));
    }

    [Theory]
    [InlineData("?limit=0", "HISTORY/INVALID_LIMIT")]
    [InlineData("?limit=201", "HISTORY/INVALID_LIMIT")]
    [InlineData("?before=0", "HISTORY/INVALID_BEFORE")]
    public async Task a_page_out_of_range_is_refused(string query, string code)
    {
        var (owner, projectId) = await Project();

        (await owner.Get($"/api/projects/{projectId}/history{query}")).ShouldBe(HttpStatusCode.UnprocessableEntity, code);
    }

    [Fact]
    public async Task someone_outside_the_project_learns_nothing_of_its_history()
    {
        var (_, projectId) = await Project();
        var stranger = await SignedIn("Sam");

        (await stranger.Get($"/api/projects/{projectId}/history")).ShouldBe(HttpStatusCode.NotFound, "HISTORY/NOT_FOUND");
    }

    [Fact]
    public async Task open_browsers_hear_of_each_version_as_it_closes()
    {
        var (owner, projectId) = await Project();
        await owner.AllClosed(App, projectId);
        await using var live = await LiveClient.ConnectAsync(App, owner);
        await live.Join(projectId);

        (await owner.CreateCode(projectId, "Trust")).ShouldBe(HttpStatusCode.Created);

        var pushed = (await live.Versions.WaitFor(v => v.Count > 0))[0];
        var listed = (await owner.Page(projectId)).Versions[0];
        Assert.Equal(listed.Number, pushed.GetProperty("number").GetInt32());
        Assert.Equal("coding.code_created", pushed.GetProperty("message").GetString());
        Assert.True(pushed.GetProperty("current").GetBoolean());
        Assert.Equal(listed.ToSequence, pushed.GetProperty("toSequence").GetInt64());
    }
}
