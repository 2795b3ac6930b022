using System.Text.Json;
using Marten;
using Npgsql;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.History;

/// <summary>A project's content at two points of its history, with what lies between and the streams' versions at the end.</summary>
public sealed record HistoryLoad(
    HistoryState At,
    HistoryState End,
    IReadOnlyDictionary<Guid, long> StreamVersions,
    IReadOnlyList<RawEvent> Between,
    int BetweenTotal,
    IReadOnlyDictionary<Guid, Guid> MergedBetween);

/// <summary>
/// Reads a project's content events in one streaming query and folds them. The query names the project's streams
/// (its own, its codebook, its folders, and every source it ever had, found through the indexed source documents)
/// so PostgreSQL reads them through the events' stream index instead of scanning every project's events for the
/// project id; suggestion streams are left out, as no suggestion is content. A source's text is cut out of its
/// SourceAdded event in the database: history never needs it, and it is most of the bytes.
/// </summary>
public static class HistoryEvents
{
    /// <param name="snapshotAt">The sequence whose state is <see cref="HistoryLoad.At"/>.</param>
    /// <param name="upTo">The last sequence folded into <see cref="HistoryLoad.End"/>; null for everything.</param>
    public static async Task<HistoryLoad> LoadAsync(IQuerySession session, Guid projectId, long snapshotAt, long? upTo, CancellationToken ct)
    {
        var options = session.DocumentStore.Options;
        var serializer = options.Serializer();
        var sql = $"""
            select seq_id, stream_id, version, type, mt_dotnet_type, timestamp, data - 'text'
            from {options.Events.DatabaseSchemaName}.mt_events
            where stream_id = any(array(select id from {options.Schema.For<Source>()} where project_id = $1) || $2)
              and seq_id <= $3
            order by seq_id
            """;
        await using var command = new NpgsqlCommand(sql, session.Connection)
        {
            Parameters =
            {
                new() { Value = projectId },
                new() { Value = new[] { projectId, ProjectStreams.CodebookOf(projectId), ProjectStreams.FoldersOf(projectId) } },
                new() { Value = upTo ?? long.MaxValue },
            },
        };

        var fold = new HistoryFold();
        HistoryState? at = snapshotAt <= 0 ? HistoryState.Empty : null;
        var versions = new Dictionary<Guid, long>();
        var between = new List<RawEvent>();
        var betweenTotal = 0;
        var merged = new Dictionary<Guid, Guid>();
        var types = new Dictionary<string, Type?>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var sequence = reader.GetInt64(0);
            if (at is null && sequence > snapshotAt)
            {
                at = fold.Snapshot();
            }

            var streamId = reader.GetGuid(1);
            versions[streamId] = reader.GetInt64(2);
            var dotnetType = reader.GetString(4);
            if (!types.TryGetValue(dotnetType, out var type))
            {
                type = types[dotnetType] = Type.GetType(dotnetType);
            }

            var data = reader.GetString(6);
            var e = type is null ? null : serializer.FromJson(type, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data)));
            if (e is not null)
            {
                fold.Apply(e);
            }

            if (sequence <= snapshotAt)
            {
                continue;
            }

            if (e is CodesMerged merge)
            {
                merged[merge.SourceCodeId] = merge.TargetCodeId;
            }

            if (betweenTotal++ < VersionDiff.MaxEvents)
            {
                between.Add(Raw(sequence, reader.GetString(3), streamId, reader.GetFieldValue<DateTimeOffset>(5), data));
            }
        }

        var end = fold.Snapshot();
        return new HistoryLoad(at ?? end, end, versions, between, betweenTotal, merged);
    }

    private static RawEvent Raw(long sequence, string type, Guid streamId, DateTimeOffset at, string data)
    {
        using var json = JsonDocument.Parse(data);
        var root = json.RootElement.Clone();
        Guid? actor = root.TryGetProperty("actor", out var a) && a.TryGetProperty("accountId", out var id) && id.TryGetGuid(out var guid) ? guid : null;
        return new RawEvent(sequence, type, streamId, actor, at, root);
    }
}
