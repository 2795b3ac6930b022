using Marten;
using JasperFx.Events;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Hosting;

/// <summary>
/// The one way a command changes an existing stream: load its state, let the pure decide function answer, append.
/// Access is decided before the expected version is compared, so a stale version never tells a non-member that a
/// stream exists. Marten re-checks the version at commit, so a concurrent writer makes SaveChanges throw
/// (mapped to 409 by <see cref="ProblemResponses"/>).
/// </summary>
public static class StreamCommands
{
    public static async Task<CommandOutcome> DecideAsync<TState>(
        this IDocumentSession session,
        Guid streamId,
        long? expectedVersion,
        Func<TState?, Decision> decide,
        CancellationToken cancellationToken)
        where TState : class
    {
        var stream = await session.Events.FetchForWriting<TState>(streamId, cancellationToken);
        return stream.Conclude(expectedVersion, decide(stream.Aggregate));
    }

    /// <summary>Appends an accepted decision to the stream it was made on, unless the caller's expected version is stale.</summary>
    public static CommandOutcome Conclude<TState>(this IEventStream<TState> stream, long? expectedVersion, Decision decision)
        where TState : class
    {
        if (decision.Error is { } error)
        {
            return CommandOutcome.Rejected(error);
        }

        var version = stream.CurrentVersion ?? 0;
        if (expectedVersion is { } expected && expected != version)
        {
            return CommandOutcome.Rejected(StaleVersion(expected, version));
        }

        stream.AppendMany(decision.Events);
        return CommandOutcome.Accepted(version + decision.Events.Count);
    }

    public static DomainError StaleVersion(long expected, long actual) => DomainError.Conflict(
        "CONCURRENCY_CONFLICT/STALE_VERSION",
        $"This was changed by someone else: you expected version {expected}, it is now at version {actual}. Reload and try again.");

    public static readonly DomainError ConcurrentWrite = DomainError.Conflict(
        "CONCURRENCY_CONFLICT/CONCURRENT_WRITE",
        "Someone else changed this at the same moment. Reload and try again.");
}
