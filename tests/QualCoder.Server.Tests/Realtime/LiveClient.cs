using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Realtime;

public sealed record Change(long Sequence, Guid ProjectId, Guid StreamId, string Type, Guid? Actor, DateTimeOffset At, JsonElement Data);

public sealed record Joined(long CurrentSequence, List<Change> Missed, bool More);

public sealed record Person(Guid AccountId, string DisplayName, List<Guid> SourceIds, int Connections);

public sealed record Presence(Guid ProjectId, List<Person> People)
{
    public override string ToString() => $"[{string.Join("; ", People.Select(p => $"{p.DisplayName} x{p.Connections} {string.Join(' ', p.SourceIds)}"))}]";
}

/// <summary>One person's hub connection (authenticated by a personal access token), recording every change and presence list pushed to it.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<Change>("changed", Changes.Add);
        _connection.On<Presence>("presence", Presences.Add);
        _connection.On<JsonElement>("navigate", Navigations.Add);
        _connection.On<JsonElement>("versionClosed", Versions.Add);
    }

    public Inbox<Change> Changes { get; } = new("changed");

    public Inbox<Presence> Presences { get; } = new("presence");

    /// <summary>Requests to show a passage, sent to this account's connections only (by its agents' navigate_to_segment).</summary>
    public Inbox<JsonElement> Navigations { get; } = new("navigate");

    /// <summary>Versions of the project as they close (client method "versionClosed").</summary>
    public Inbox<JsonElement> Versions { get; } = new("versionClosed");

    public IReadOnlyList<Change> Received => Changes.Received;

    public static async Task<LiveClient> ConnectAsync(QualCoderApp app, ApiClient person)
    {
        var token = (await person.Post("/api/account/tokens", new { name = $"live {Guid.NewGuid():N}" })).ShouldBe(HttpStatusCode.Created).String("token");
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/project"), o => o.Headers["Authorization"] = "Bearer " + token)
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task<Joined> Join(Guid projectId, long? afterSequence = null) =>
        _connection.InvokeAsync<Joined>("JoinProject", projectId, afterSequence);

    public Task Leave(Guid projectId) => _connection.InvokeAsync("LeaveProject", projectId);

    public Task OpenSource(Guid projectId, Guid? sourceId) => _connection.InvokeAsync("OpenSource", projectId, sourceId);

    public Task Heartbeat(Guid projectId) => _connection.InvokeAsync("Heartbeat", projectId);

    public Task<Presence> GetPresence(Guid projectId) => _connection.InvokeAsync<Presence>("GetPresence", projectId);

    /// <summary>The presence list as the wire carries it, to check the JSON's names.</summary>
    public Task<JsonElement> GetPresenceJson(Guid projectId) => _connection.InvokeAsync<JsonElement>("GetPresence", projectId);

    public Task Stop() => _connection.StopAsync();

    public Task<IReadOnlyList<Change>> WaitFor(Func<IReadOnlyList<Change>, bool> condition) => Changes.WaitFor(condition);

    public Task<IReadOnlyList<Change>> WaitForCode(Guid codeId) =>
        WaitFor(changes => changes.Any(c => c.Type == "code_created" && c.Data.GetProperty("codeId").GetGuid() == codeId));

    /// <summary>Waits until the latest presence list pushed satisfies <paramref name="condition"/>.</summary>
    public async Task<Presence> WaitForPresence(Func<Presence, bool> condition) =>
        (await Presences.WaitFor(lists => lists.Count > 0 && condition(lists[^1])))[^1];

    /// <summary>The client wraps the hub's message: "An unexpected error occurred invoking 'X' on the server. HubException: message".</summary>
    public static string ServerMessage(HubException e) =>
        e.Message[(e.Message.IndexOf("HubException: ", StringComparison.Ordinal) + "HubException: ".Length)..];

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
