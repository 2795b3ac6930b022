using System.Text.Json;
using QualCoder.Server.Realtime;

namespace QualCoder.Server.Features.History;

/// <summary>
/// A project's changes in one page of the <see cref="VersionBatcher"/>: the open window of a project is the set of its
/// parts, and closing it turns them into one <see cref="ProjectVersion"/>. The batcher only ever inserts parts and the
/// close only ever deletes the parts it read, so the two never write the same row (see <see cref="CloseVersionHandler"/>).
/// </summary>
public sealed record VersionPart(
    string Id,
    Guid ProjectId,
    long FromSequence,
    long ToSequence,
    int EventCount,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    string FirstType,
    IReadOnlyDictionary<string, int> Areas,
    IReadOnlyList<VersionActor> Actors,
    int? RestoredTo)
{
    /// <summary>Named after its first event, so a page delivered again after a failed commit writes the same row.</summary>
    public static string IdOf(Guid projectId, long fromSequence) => $"{projectId:N}:{fromSequence}";

    /// <summary>The part for one project's <paramref name="changes"/> of a page, in sequence order (at least one).</summary>
    public static VersionPart Of(Guid projectId, IReadOnlyList<ProjectChange> changes)
    {
        var areas = changes
            .GroupBy(c => VersionMessages.AreaOf(c.Type))
            .ToDictionary(g => g.Key, g => g.Count());
        var actors = changes.Select(ActorOf).OfType<VersionActor>().Distinct().ToList();
        var restoredTo = changes.LastOrDefault(c => c.Type == "project_restored") is { } restore
            && restore.Data.TryGetProperty("version", out var version) && version.TryGetInt32(out var number)
            ? number
            : (int?)null;
        return new VersionPart(
            IdOf(projectId, changes[0].Sequence), projectId, changes[0].Sequence, changes[^1].Sequence, changes.Count,
            changes.Min(c => c.At), changes.Max(c => c.At), changes[0].Type, areas, actors, restoredTo);
    }

    private static VersionActor? ActorOf(ProjectChange change)
    {
        if (change.Actor is not { } account)
        {
            return null;
        }

        return change.Data.TryGetProperty("actor", out var actor) && actor.TryGetProperty("agent", out var agent)
            && agent.ValueKind == JsonValueKind.Object
            ? new VersionActor(account, Text(agent, "sessionId"), Text(agent, "clientName"))
            : new VersionActor(account, null, null);
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
