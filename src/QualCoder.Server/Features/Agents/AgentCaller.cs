using System.Security.Claims;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// Who calls a tool: the account behind the bearer token, the token's scope, and the agent session (the MCP session id
/// and the client's name and version from the initialize handshake) inside <see cref="Actor"/>, so every event a tool
/// causes records both the person and the agent.
/// </summary>
public sealed record AgentCaller(Actor Actor, TokenScope Scope)
{
    public const string ProjectIdDescription =
        "The project's id (a UUID from list_projects). Optional: without it the tool works in the project opened with open_project.";

    public AgentSession Agent => Actor.Agent!;

    public static AgentCaller Of<TParams>(RequestContext<TParams> request) =>
        Of(request.User, request.Server.SessionId, request.Server.ClientInfo);

    public static AgentCaller Of(ClaimsPrincipal? user, string? sessionId, Implementation? client)
    {
        var account = (user ?? throw new InvalidOperationException("/mcp requires an authenticated caller.")).ToActor();
        var agent = new AgentSession(sessionId ?? "", client?.Name ?? "unknown", client?.Version ?? "unknown");
        return new AgentCaller(account with { Agent = agent }, user.Scope());
    }

    /// <summary>Refuses a tool the token's scope does not cover.</summary>
    public DomainError? Require(ToolAccess access, string codePrefix) => ToolScope.Require(Scope, access, codePrefix);

    /// <summary>
    /// The project a project tool works in: <paramref name="projectId"/> when given, else the session's current project.
    /// Checks the token's scope first; the project role is checked by the query or command the tool then runs.
    /// </summary>
    public async Task<(DomainError? Error, Guid ProjectId)> ProjectAsync(
        IQuerySession session, string? projectId, ToolAccess access, string codePrefix, CancellationToken ct)
    {
        if (Require(access, codePrefix) is { } denied)
        {
            return (denied, default);
        }

        if (!string.IsNullOrWhiteSpace(projectId))
        {
            return Guid.TryParse(projectId, out var id)
                ? (null, id)
                : (DomainError.Invalid($"{codePrefix}/INVALID_PROJECT_ID", $"project_id must be a project's id (a UUID from list_projects); \"{projectId}\" is not one."), default);
        }

        var state = await CurrentAsync(session, ct);
        return state?.ProjectId is { } open ? (null, open) : (NoContext(codePrefix), default);
    }

    /// <summary>This session's state, if it has any and it belongs to this account.</summary>
    public async Task<AgentSessionState?> CurrentAsync(IQuerySession session, CancellationToken ct)
    {
        if (Agent.SessionId.Length == 0)
        {
            return null;
        }

        var state = await session.LoadAsync<AgentSessionState>(Agent.SessionId, ct);
        return state?.AccountId == Actor.AccountId ? state : null;
    }

    public static DomainError NoContext(string codePrefix) =>
        DomainError.Invalid($"{codePrefix}/NO_CONTEXT", "No project is open in this session, and no project_id was given.");
}
