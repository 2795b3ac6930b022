using Marten;
using Marten.Services.BatchQuerying;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Projects;

/// <summary>
/// How a command on any stream inside a project is decided: the project (for its members and roles) and the
/// stream's state arrive in one round trip, then the pure decide function sees both.
/// </summary>
public static class ProjectStreamCommands
{
    public static Task<CommandOutcome> DecideInProjectAsync<TState>(
        this IDocumentSession session,
        Guid projectId,
        Guid streamId,
        long? expectedVersion,
        Func<Project?, TState?, Decision> decide,
        CancellationToken cancellationToken)
        where TState : class =>
        session.DecideInProjectAsync<TState, bool>(
            projectId, streamId, expectedVersion, _ => Task.FromResult(true), (project, state, _) => decide(project, state), cancellationToken);

    /// <summary>
    /// As above, when the decision also needs facts from other documents (names of other sources, a folder tree, a
    /// count of codings): <paramref name="facts"/> adds their queries to the same batch, so it is still one round trip.
    /// </summary>
    /// <param name="sharing">A stream whose lock to share while deciding (see <see cref="StreamLocks"/>).</param>
    /// <param name="exclusive">Lock the command's own stream before its facts are read.</param>
    public static async Task<CommandOutcome> DecideInProjectAsync<TState, TFacts>(
        this IDocumentSession session,
        Guid projectId,
        Guid streamId,
        long? expectedVersion,
        Func<IBatchedQuery, Task<TFacts>> facts,
        Func<Project?, TState?, TFacts, Decision> decide,
        CancellationToken cancellationToken,
        Guid? sharing = null,
        bool exclusive = false)
        where TState : class
    {
        if (sharing is { } shared)
        {
            await StreamLocks.ShareAsync(session, shared, cancellationToken);
        }

        if (exclusive)
        {
            await session.BeginTransactionAsync(cancellationToken);
        }

        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var streamLoad = exclusive ? batch.Events.FetchForExclusiveWriting<TState>(streamId) : batch.Events.FetchForWriting<TState>(streamId);
        var factsLoad = facts(batch);
        await batch.Execute(cancellationToken);
        var project = await projectLoad;
        var stream = await streamLoad;

        return stream.Conclude(expectedVersion, decide(project, stream.Aggregate, await factsLoad));
    }
}
