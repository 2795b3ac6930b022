namespace QualCoder.Server.Tests.Realtime;

/// <summary>What a hub connection was sent by one client method, in arrival order, and a way to wait for it.</summary>
public sealed class Inbox<T>(string method)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly List<T> _received = [];
    private readonly List<(Func<IReadOnlyList<T>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<T> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public void Add(T message)
    {
        lock (_received)
        {
            _received.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Condition(_received)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Waits (at most 10 s) until the received messages satisfy <paramref name="condition"/>.</summary>
    public async Task<IReadOnlyList<T>> WaitFor(Func<IReadOnlyList<T>, bool> condition)
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
            Assert.Fail($"No such \"{method}\" message arrived within {Patience.TotalSeconds} s; received: {string.Join(", ", Received)}");
        }

        return Received;
    }
}
