using Marten;

namespace QualCoder.Server.Hosting;

/// <summary>
/// Row locks on a stream (its row in mt_streams), held until the command commits. A command whose decision rests
/// on another stream it does not write (a coding on its code, a moved source on its folder) shares that stream's
/// lock; the command that removes what they rest on (deleting a code or a folder) takes it exclusively, then reads.
/// Either the sharer commits first and is seen, or it waits and finds the thing gone. Locks are taken in a fixed
/// order (shared, then the command's own streams), so they cannot deadlock.
/// </summary>
public static class StreamLocks
{
    public static async Task ShareAsync(IDocumentSession session, Guid streamId, CancellationToken ct)
    {
        await session.BeginTransactionAsync(ct);
        await session.QueryAsync<int>(
            $"select 1 from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams where id = ? for share", ct, streamId);
    }
}
