using Marten;
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
        var decision = decide(stream.Aggregate);
        if (decision.Error is { } error)
        {
            return CommandOutcome.Rejected(error);
        }

        if (expectedVersion is { } expected && expected != stream.CurrentVersion)
        {
            return CommandOutcome.Rejected(StaleVersion(expected, stream.CurrentVersion ?? 0));
        }

        stream.AppendMany(decision.Events);
        return CommandOutcome.Accepted((stream.CurrentVersion ?? 0) + decision.Events.Count);
    }

    public static DomainError StaleVersion(long expected, long actual) => DomainError.Conflict(
        "CONCURRENCY_CONFLICT/STALE_VERSION",
        $"This was changed by someone else: you expected version {expected}, it is now at version {actual}. Reload and try again.");

    public static readonly DomainError ConcurrentWrite = DomainError.Conflict(
        "CONCURRENCY_CONFLICT/CONCURRENT_WRITE",
        "Someone else changed this at the same moment. Reload and try again.");
}
