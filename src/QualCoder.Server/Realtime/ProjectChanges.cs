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

        var rows = await session.AdvancedSql.QueryAsync<Row>(
            $"""
             select json_build_object('sequence', seq_id, 'streamId', stream_id, 'type', type, 'data', data, 'timestamp', timestamp)
             from {events}
             where data ->> 'projectId' = ? and seq_id > ? and seq_id <= ?
             order by seq_id
             limit ?
             """,
            ct, project, after, current, MaxMissed + 1);
        var missed = rows.Take(MaxMissed)
            .Select(r => ProjectChange.From(r.Sequence, r.StreamId, r.Type, r.Data, r.Timestamp))
            .OfType<ProjectChange>()
            .ToList();
        return new ProjectJoined(current, missed, rows.Count > MaxMissed);
    }
}
