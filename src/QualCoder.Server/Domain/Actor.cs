using System.Text.Json.Serialization;

namespace QualCoder.Server.Domain;

/// <summary>Who caused an event: the account, and the agent session when an agent acted for it (absent for people).</summary>
public sealed record Actor(
    Guid AccountId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AgentSession? Agent = null);

/// <summary>An MCP session acting for an account: its id and the client's name and version from the initialize handshake.</summary>
public sealed record AgentSession(string SessionId, string ClientName, string ClientVersion);
