using System.Text.Json;
using Marten;

namespace QualCoder.Server.Realtime;

/// <summary>
/// The catch-up query: a project's raw events after a sequence, straight from Marten's events table, in commit
/// order. Every project event carries its ProjectId in its data, whichever stream it is in.
/// </summary>
public static class ProjectChanges
{
    public const int MaxMissed = 1000;

    private sealed record Row(long Sequence, Guid StreamId, string Type, JsonElement Data, DateTimeOffset Timestamp);

    public static async Task<ProjectJoined> SinceAsync(IQuerySession session, Guid projectId, long? afterSequence, CancellationToken ct)
    {
        var events = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events";
        var project = projectId.ToString();
        var current = (await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce(max(seq_id), 0) from {events} where data ->> 'projectId' = ?", ct, project))[0];
        if (afterSequence is not { } after || after >= current)
        {
            return new ProjectJoined(current, [], false);
        }

        var changes = await BetweenAsync(session, projectId, after, current, MaxMissed + 1, ct);
        return new ProjectJoined(current, [.. changes.Take(MaxMissed)], changes.Count > MaxMissed);
    }

    /// <summary>The project's changes with a sequence in (<paramref name="after"/>, <paramref name="upTo"/>], in commit order, at most <paramref name="limit"/>.</summary>
    public static async Task<IReadOnlyList<ProjectChange>> BetweenAsync(IQuerySession session, Guid projectId, long after, long upTo, int limit, CancellationToken ct)
    {
        var rows = await session.AdvancedSql.QueryAsync<Row>(
            $"""
             select json_build_object('sequence', seq_id, 'streamId', stream_id, 'type', type, 'data', data, 'timestamp', timestamp)
             from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events
             where data ->> 'projectId' = ? and seq_id > ? and seq_id <= ?
             order by seq_id
             limit ?
             """,
            ct, projectId.ToString(), after, upTo, limit);
        return [.. rows.Select(r => ProjectChange.From(r.Sequence, r.StreamId, r.Type, r.Data, r.Timestamp)).OfType<ProjectChange>()];
    }
}
