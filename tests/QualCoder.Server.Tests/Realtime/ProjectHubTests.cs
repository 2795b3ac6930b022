using System.Net;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Realtime;

public sealed class ProjectHubTests(QualCoderApp app) : LiveTest(app)
{
    private static async Task<Guid> CreateCode(ApiClient by, Guid projectId, string name) =>
        (await by.Post($"/api/projects/{projectId}/codes", new { name, color = "#336699" })).ShouldBe(HttpStatusCode.Created).Guid("id");

    [Fact]
    public async Task a_member_receives_a_change_made_over_http_by_someone_else()
    {
        var (owner, member, projectId) = await Arrange();
        await using var live = await LiveClient.ConnectAsync(App, member);
        var joined = await live.Join(projectId);
        Assert.Empty(joined.Missed);

        var codeId = await CreateCode(owner, projectId, "Fatigue");

        var change = (await live.WaitForCode(codeId)).Single(c => c.Type == "code_created");
        Assert.Equal(projectId, change.ProjectId);
        Assert.Equal(owner.AccountId, change.Actor);
        Assert.Equal("Fatigue", change.Data.GetProperty("name").GetString());
        Assert.True(change.Sequence > joined.CurrentSequence, $"{change.Sequence} should follow {joined.CurrentSequence}");
    }

    [Fact]
    public async Task changes_arrive_in_increasing_sequence_order()
    {
        var (owner, member, projectId) = await Arrange();
        await using var live = await LiveClient.ConnectAsync(App, member);
        await live.Join(projectId);

        var codes = new List<Guid>();
        foreach (var name in new[] { "One", "Two", "Three", "Four", "Five" })
        {
            codes.Add(await CreateCode(owner, projectId, name));
        }

        var received = await live.WaitForCode(codes[^1]);
        var sequences = received.Select(c => c.Sequence).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);
        Assert.Equal(codes, received.Where(c => c.Type == "code_created").Select(c => c.Data.GetProperty("codeId").GetGuid()));
    }

    [Fact]
    public async Task a_non_member_cannot_join_and_receives_nothing_of_the_project()
    {
        var (owner, member, projectId) = await Arrange();
        var stranger = await SignedIn("Sid");
        await using var strangerLive = await LiveClient.ConnectAsync(App, stranger);
        await using var memberLive = await LiveClient.ConnectAsync(App, member);
        await memberLive.Join(projectId);

        var refused = await Assert.ThrowsAsync<HubException>(() => strangerLive.Join(projectId));
        var missing = await Assert.ThrowsAsync<HubException>(() => strangerLive.Join(Guid.NewGuid()));
        var codeId = await CreateCode(owner, projectId, "Secret");
        await memberLive.WaitForCode(codeId);

        Assert.StartsWith("LIVE/NOT_FOUND", LiveClient.ServerMessage(refused));
        Assert.Equal(LiveClient.ServerMessage(refused), LiveClient.ServerMessage(missing));
        Assert.Empty(strangerLive.Received);
    }

    [Fact]
    public async Task a_client_that_left_gets_no_more_changes()
    {
        var (owner, member, projectId) = await Arrange();
        await using var leaving = await LiveClient.ConnectAsync(App, member);
        await using var staying = await LiveClient.ConnectAsync(App, owner);
        await leaving.Join(projectId);
        await staying.Join(projectId);

        await leaving.Leave(projectId);
        var codeId = await CreateCode(owner, projectId, "After");
        await staying.WaitForCode(codeId);

        // The project's first events may still reach it before it leaves (the daemon pushes them a little later).
        Assert.DoesNotContain(leaving.Received, c => c.Type == "code_created");
    }

    [Fact]
    public async Task a_client_that_reconnects_gets_exactly_the_changes_it_missed()
    {
        var (owner, member, projectId) = await Arrange();
        var first = await LiveClient.ConnectAsync(App, member);
        await first.Join(projectId);
        var seen = (await first.WaitForCode(await CreateCode(owner, projectId, "Before"))).Max(c => c.Sequence);
        await first.Stop();
        await first.DisposeAsync();

        var missedCodes = new[] { await CreateCode(owner, projectId, "Missed one"), await CreateCode(owner, projectId, "Missed two") };
        // Let the daemon push them (to nobody) first, so that they cannot also arrive after the rejoin.
        await App.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(10));
        await using var again = await LiveClient.ConnectAsync(App, member);
        var joined = await again.Join(projectId, seen);
        var afterCode = await CreateCode(owner, projectId, "After");
        var pushed = await again.WaitForCode(afterCode);

        Assert.Equal(missedCodes, joined.Missed.Select(c => c.Data.GetProperty("codeId").GetGuid()));
        Assert.All(joined.Missed, c => Assert.Equal("code_created", c.Type));
        Assert.All(joined.Missed, c => Assert.True(c.Sequence > seen));
        Assert.Equal(joined.Missed.Select(c => c.Sequence).Order(), joined.Missed.Select(c => c.Sequence));
        Assert.False(joined.More);
        Assert.Equal(joined.Missed[^1].Sequence, joined.CurrentSequence);
        Assert.Equal([afterCode], pushed.Select(c => c.Data.GetProperty("codeId").GetGuid()));
        Assert.True(pushed.Single().Sequence > joined.CurrentSequence);
    }
}
