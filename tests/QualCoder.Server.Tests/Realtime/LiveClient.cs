using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Realtime;

public sealed record Change(long Sequence, Guid ProjectId, Guid StreamId, string Type, Guid? Actor, DateTimeOffset At, JsonElement Data);

public sealed record Joined(long CurrentSequence, List<Change> Missed, bool More);

/// <summary>One person's hub connection (authenticated by a personal access token), recording every change pushed to it.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly HubConnection _connection;
    private readonly List<Change> _received = [];
    private readonly List<(Func<IReadOnlyList<Change>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<Change>("changed", change =>
        {
            lock (_received)
            {
                _received.Add(change);
                foreach (var waiter in _waiters.Where(w => w.Condition(_received)).ToList())
                {
                    _waiters.Remove(waiter);
                    waiter.Done.TrySetResult();
                }
            }
        });
    }

    public IReadOnlyList<Change> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

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

    public Task Stop() => _connection.StopAsync();

    /// <summary>Waits (at most 10 s) until the received changes satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<Change>> WaitFor(Func<IReadOnlyList<Change>, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_received)
        {
            if (condition(_received))
            {
                return [.. _received];
            }

            _waiters.Add((condition, done));
        }

        try
        {
            await done.Task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"No such change arrived within {Patience.TotalSeconds} s; received: {string.Join(", ", Received.Select(c => $"{c.Sequence} {c.Type}"))}");
        }

        return Received;
    }

    public Task<IReadOnlyList<Change>> WaitForCode(Guid codeId) =>
        WaitFor(changes => changes.Any(c => c.Type == "code_created" && c.Data.GetProperty("codeId").GetGuid() == codeId));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
