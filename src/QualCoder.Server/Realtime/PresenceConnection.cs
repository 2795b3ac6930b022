namespace QualCoder.Server.Realtime;

/// <summary>
/// One hub connection's presence in one project (<see cref="Id"/> is "connection:project"): a row in PostgreSQL rather
/// than state in this process, so a restart or another node reads the same list. A row not seen for
/// <see cref="StaleAfter"/> was left by a server that stopped without saying goodbye; lists ignore it.
/// </summary>
public sealed record PresenceConnection(
    string Id, string ConnectionId, Guid ProjectId, Guid AccountId, string DisplayName, Guid? SourceId, DateTimeOffset SeenAt)
{
    /// <summary>Three missed heartbeats (the browser sends one a minute).</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(3);

    public static string IdOf(string connectionId, Guid projectId) => $"{connectionId}:{projectId}";
}
