using System.Text.Json;
using Marten;
using QualCoder.Server.Realtime;

namespace QualCoder.Server.Features.History;

/// <summary>
/// The first version of an imported project: every event the import wrote, written by the import in its own
/// transaction. A big import holds its sequence numbers for longer than the daemon waits for a gap (Marten's 3 s),
/// and when other projects write meanwhile the daemon moves on past them, so the <see cref="VersionBatcher"/> might
/// never see them. When it does see them, the closes drop its parts as already covered (<see cref="VersionWindow"/>),
/// so either way each imported event is in exactly one version.
/// </summary>
public static class ImportedVersion
{
    private sealed record Row(long Sequence, Guid StreamId, string Type, JsonElement Data, DateTimeOffset Timestamp);

    /// <summary>Stores version 1 of <paramref name="projectId"/>, over the project's events written so far in this session's transaction.</summary>
    public static async Task StoreAsync(IDocumentSession session, Guid projectId, DateTimeOffset closedAt, CancellationToken ct)
    {
        var events = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events";
        // The text of a source is the bulk of an export and no part of a version.
        var rows = await session.AdvancedSql.QueryAsync<Row>(
            $"""
             select json_build_object('sequence', seq_id, 'streamId', stream_id, 'type', type, 'data', data - 'text', 'timestamp', timestamp)
             from {events}
             where data ->> 'projectId' = ?
             order by seq_id
             """,
            ct, projectId.ToString());
        var changes = rows
            .Select(r => ProjectChange.From(r.Sequence, r.StreamId, r.Type, r.Data, r.Timestamp))
            .OfType<ProjectChange>()
            .ToList();
        if (changes.Count > 0)
        {
            session.Store(VersionWindow.Combine([VersionPart.Of(projectId, changes)], 1, closedAt));
        }
    }
}
