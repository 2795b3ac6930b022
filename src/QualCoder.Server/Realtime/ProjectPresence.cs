using System.Linq.Expressions;
using Marten;

namespace QualCoder.Server.Realtime;

/// <summary>Someone in a project now, however many tabs they have open, with the sources open in them.</summary>
public sealed record PresentPerson(Guid AccountId, string DisplayName, IReadOnlyList<Guid> SourceIds, int Connections);

/// <summary>
/// Who is in a project now: what GetPresence answers and what the hub sends (client method "presence") to the
/// project's group whenever someone arrives, opens a source or leaves.
/// </summary>
public sealed record ProjectPresence(Guid ProjectId, IReadOnlyList<PresentPerson> People)
{
    public static ProjectPresence Of(Guid projectId, IEnumerable<PresenceConnection> rows) => new(
        projectId,
        [
            .. rows.Where(r => r.ProjectId == projectId)
                .GroupBy(r => r.AccountId)
                .Select(tabs => new PresentPerson(
                    tabs.Key,
                    tabs.MaxBy(r => r.SeenAt)!.DisplayName,
                    [.. tabs.Select(r => r.SourceId).OfType<Guid>().Distinct().Order()],
                    tabs.Count()))
                .OrderBy(p => p.DisplayName, StringComparer.OrdinalIgnoreCase)
                .ThenBy(p => p.AccountId),
        ]);

    /// <summary>The rows of these projects that are not stale at <paramref name="now"/>.</summary>
    public static Expression<Func<PresenceConnection, bool>> Live(Guid[] projectIds, DateTimeOffset now)
    {
        var cutoff = now - PresenceConnection.StaleAfter;
        return r => r.ProjectId.IsOneOf(projectIds) && r.SeenAt >= cutoff;
    }

    public static Expression<Func<PresenceConnection, bool>> Stale(Guid[] projectIds, DateTimeOffset now)
    {
        var cutoff = now - PresenceConnection.StaleAfter;
        return r => r.ProjectId.IsOneOf(projectIds) && r.SeenAt < cutoff;
    }
}
