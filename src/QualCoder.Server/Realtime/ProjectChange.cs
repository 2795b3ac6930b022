using System.Text.Json;
using JasperFx.Events;
using Marten;

namespace QualCoder.Server.Realtime;

/// <summary>
/// One committed event of a project, as the live channel sends it (client method "changed") and as a rejoining
/// client's catch-up lists it. <see cref="Sequence"/> is the store's global event sequence: a client keeps the last
/// it saw, ignores anything at or below it, and sends it back when it rejoins.
/// </summary>
public sealed record ProjectChange(long Sequence, Guid ProjectId, Guid StreamId, string Type, Guid? Actor, DateTimeOffset At, JsonElement Data)
{
    /// <summary>
    /// The change for an event stored as <paramref name="data"/> (the JSON Marten stores), or null for an event that
    /// belongs to no project (the account events). Push and catch-up both build changes here, so they agree.
    /// </summary>
    public static ProjectChange? From(long sequence, Guid streamId, string type, JsonElement data, DateTimeOffset timestamp)
    {
        if (data.ValueKind != JsonValueKind.Object
            || !data.TryGetProperty("projectId", out var project)
            || !project.TryGetGuid(out var projectId))
        {
            return null;
        }

        Guid? actor = data.TryGetProperty("actor", out var a) && a.ValueKind == JsonValueKind.Object
            && a.TryGetProperty("accountId", out var account) && account.TryGetGuid(out var accountId)
            ? accountId
            : null;
        var at = data.TryGetProperty("at", out var when) && when.TryGetDateTimeOffset(out var stamped) ? stamped : timestamp;
        return new ProjectChange(sequence, projectId, streamId, type, actor, at, data);
    }

    /// <summary>The change for an event as a subscription receives it, read through the store's own JSON.</summary>
    public static ProjectChange? From(IEvent @event, ISerializer serializer)
    {
        using var json = JsonDocument.Parse(serializer.ToJson(@event.Data));
        return From(@event.Sequence, @event.StreamId, @event.EventTypeName, json.RootElement.Clone(), @event.Timestamp);
    }
}

/// <summary>What JoinProject answers: the project's latest sequence, and the changes a rejoining client missed.</summary>
public sealed record ProjectJoined(long CurrentSequence, IReadOnlyList<ProjectChange> Missed, bool More);
