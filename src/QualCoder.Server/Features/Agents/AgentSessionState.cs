namespace QualCoder.Server.Features.Agents;

/// <summary>
/// An MCP session's current project, a document keyed by the MCP session id (in PostgreSQL, not in this process, so it
/// survives whichever server instance answers). It records which account opened it and with which client.
/// </summary>
public sealed record AgentSessionState(
    string Id, Guid AccountId, Guid? ProjectId, string ClientName, string ClientVersion, DateTimeOffset UpdatedAt);
