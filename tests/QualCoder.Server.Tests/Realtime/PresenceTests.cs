using Marten;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Realtime;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Realtime;

public sealed class PresenceTests(QualCoderApp app) : LiveTest(app)
{
    private static bool Shows(Presence presence, params string[] names) =>
        presence.People.Select(p => p.DisplayName).SequenceEqual(names);

    [Fact]
    public async Task two_members_see_each_other_join()
    {
        var (owner, member, projectId) = await Arrange();
        await using var olive = await LiveClient.ConnectAsync(App, owner);
        await using var milo = await LiveClient.ConnectAsync(App, member);

        await olive.Join(projectId);
        await olive.WaitForPresence(p => Shows(p, "Olive"));
        await milo.Join(projectId);

        var seenByOlive = await olive.WaitForPresence(p => Shows(p, "Milo", "Olive"));
        var seenByMilo = await milo.WaitForPresence(p => Shows(p, "Milo", "Olive"));
        Assert.Equal(projectId, seenByOlive.ProjectId);
        Assert.Equal([member.AccountId, owner.AccountId], seenByMilo.People.Select(p => p.AccountId));
        Assert.All(seenByOlive.People, p => Assert.Empty(p.SourceIds));
        Assert.All(seenByOlive.People, p => Assert.Equal(1, p.Connections));
    }

    [Fact]
    public async Task a_source_someone_opens_shows_in_the_others_presence()
    {
        var (owner, member, projectId) = await Arrange();
        var sourceId = await new Seed(App, projectId, owner.AccountId).Source("Text");
        await using var olive = await LiveClient.ConnectAsync(App, owner);
        await using var milo = await LiveClient.ConnectAsync(App, member);
        await olive.Join(projectId);
        await milo.Join(projectId);

        await milo.OpenSource(projectId, sourceId);
        var opened = await olive.WaitForPresence(p => p.People.Any(person => person.SourceIds.Count > 0));
        await milo.OpenSource(projectId, null);
        var closed = await olive.WaitForPresence(p => p.People.All(person => person.SourceIds.Count == 0));

        Assert.Equal([sourceId], opened.People.Single(p => p.DisplayName == "Milo").SourceIds);
        Assert.Empty(opened.People.Single(p => p.DisplayName == "Olive").SourceIds);
        Assert.True(Shows(closed, "Milo", "Olive"), closed.ToString());
    }

    [Fact]
    public async Task a_source_that_is_not_in_the_project_cannot_be_opened()
    {
        var (owner, _, projectId) = await Arrange();
        var otherProject = await owner.CreateProject("Other");
        var elsewhere = await new Seed(App, otherProject, owner.AccountId).Source("Text");
        await using var olive = await LiveClient.ConnectAsync(App, owner);
        await olive.Join(projectId);

        var foreign = await Assert.ThrowsAsync<HubException>(() => olive.OpenSource(projectId, elsewhere));
        var missing = await Assert.ThrowsAsync<HubException>(() => olive.OpenSource(projectId, Guid.NewGuid()));

        Assert.StartsWith("LIVE/SOURCE_NOT_FOUND: ", LiveClient.ServerMessage(foreign));
        Assert.Equal(LiveClient.ServerMessage(foreign), LiveClient.ServerMessage(missing));
        Assert.Empty((await olive.GetPresence(projectId)).People.Single().SourceIds);
    }

    [Fact]
    public async Task a_person_who_disconnects_or_leaves_is_no_longer_present()
    {
        var (owner, member, projectId) = await Arrange();
        var viewer = await SignedIn("Vera");
        await owner.AddMember(projectId, viewer, "viewer");
        await using var olive = await LiveClient.ConnectAsync(App, owner);
        await using var milo = await LiveClient.ConnectAsync(App, member);
        await using var vera = await LiveClient.ConnectAsync(App, viewer);
        await olive.Join(projectId);
        await milo.Join(projectId);
        await vera.Join(projectId);
        await olive.WaitForPresence(p => Shows(p, "Milo", "Olive", "Vera"));

        await milo.Stop();
        await olive.WaitForPresence(p => Shows(p, "Olive", "Vera"));
        await vera.Leave(projectId);
        await olive.WaitForPresence(p => Shows(p, "Olive"));

        Assert.True(Shows(await olive.GetPresence(projectId), "Olive"));
    }

    [Fact]
    public async Task an_outsider_can_neither_see_nor_show_presence()
    {
        var (_, member, projectId) = await Arrange();
        var stranger = await SignedIn("Sid");
        await using var milo = await LiveClient.ConnectAsync(App, member);
        await using var sid = await LiveClient.ConnectAsync(App, stranger);
        await milo.Join(projectId);

        var refusals = new[]
        {
            await Assert.ThrowsAsync<HubException>(() => sid.OpenSource(projectId, null)),
            await Assert.ThrowsAsync<HubException>(() => sid.GetPresence(projectId)),
            await Assert.ThrowsAsync<HubException>(() => sid.Heartbeat(projectId)),
        };

        Assert.All(refusals, e => Assert.StartsWith("LIVE/NOT_FOUND: ", LiveClient.ServerMessage(e)));
        Assert.True(Shows(await milo.GetPresence(projectId), "Milo"));
        Assert.Empty(sid.Presences.Received);
    }

    [Fact]
    public async Task rows_not_seen_for_three_minutes_are_ignored_then_removed()
    {
        var (owner, member, projectId) = await Arrange();
        await using var olive = await LiveClient.ConnectAsync(App, owner);
        await using var milo = await LiveClient.ConnectAsync(App, member);
        await olive.Join(projectId);
        await milo.Join(projectId);

        App.Clock.Advance(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(1));
        await olive.Heartbeat(projectId);

        Assert.True(Shows(await olive.GetPresence(projectId), "Olive"));
        Assert.Equal(2, await PresenceRows(projectId));
        await olive.OpenSource(projectId, null);
        Assert.Equal(1, await PresenceRows(projectId));
    }

    [Fact]
    public async Task a_person_with_two_connections_appears_once()
    {
        var (owner, _, projectId) = await Arrange();
        var seed = new Seed(App, projectId, owner.AccountId);
        var (first, second) = (await seed.Source("One", "One"), await seed.Source("Two", "Two"));
        await using var tab = await LiveClient.ConnectAsync(App, owner);
        await using var otherTab = await LiveClient.ConnectAsync(App, owner);
        await tab.Join(projectId);
        await otherTab.Join(projectId);
        await tab.OpenSource(projectId, first);
        await otherTab.OpenSource(projectId, second);

        var olive = (await tab.WaitForPresence(p => p.People.Single().SourceIds.Count == 2)).People.Single();

        Assert.Equal(2, olive.Connections);
        Assert.Equal(new[] { first, second }.Order(), olive.SourceIds);
        var pulled = (await otherTab.GetPresence(projectId)).People.Single();
        Assert.Equal(2, pulled.Connections);
        Assert.Equal(olive.SourceIds, pulled.SourceIds);
    }

    [Fact]
    public async Task presence_travels_as_camel_case_json()
    {
        var (owner, _, projectId) = await Arrange();
        await using var olive = await LiveClient.ConnectAsync(App, owner);
        await olive.Join(projectId);

        var json = await olive.GetPresenceJson(projectId);

        Assert.Equal(["projectId", "people"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["accountId", "displayName", "sourceIds", "connections"], json.GetProperty("people")[0].EnumerateObject().Select(p => p.Name));
    }

    private async Task<int> PresenceRows(Guid projectId)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<PresenceConnection>().CountAsync(r => r.ProjectId == projectId);
    }
}
