using System.ComponentModel;
using Marten;
using Microsoft.AspNetCore.SignalR;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Realtime;

namespace QualCoder.Server.Features.Agents;

/// <summary>The project tools: find and open a project for the session, see what is in it, and show a passage to the user.</summary>
[McpServerToolType]
public static class ProjectTools
{
    private const string Prefix = "PROJECT";

    [McpServerTool(Name = "list_projects", Title = "List my projects", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the QualCoder projects you are a member of, by name, with your role in each and which one this session has open. Start here, then call open_project.")]
    public static async Task<CallToolResult> ListProjects(RequestContext<CallToolRequestParams> request, IQuerySession session, CancellationToken ct)
    {
        var caller = AgentCaller.Of(request);
        if (caller.Require(ToolAccess.Read, Prefix) is { } denied)
        {
            return ToolResults.Failure(denied);
        }

        var projects = await ListMyProjects.QueryAsync(session, caller.Actor, ct);
        var open = (await caller.CurrentAsync(session, ct))?.ProjectId;
        return ToolResults.Success(new
        {
            Count = projects.Count,
            Projects = projects.Select(p => new { p.Id, p.Name, p.Description, Role = p.MyRole, p.MemberCount, IsOpen = p.Id == open }),
        });
    }

    [McpServerTool(Name = "open_project", Title = "Open a project", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Makes a project this session's current project, so later tools work in it without a project_id. Changes nothing in the project itself.")]
    public static async Task<CallToolResult> OpenProject(
        RequestContext<CallToolRequestParams> request,
        IDocumentSession session,
        TimeProvider clock,
        [Description("The project's name (as list_projects shows it, ignoring case) or its id.")] string? path = null,
        [Description("The project's id; an alternative to path.")] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        if (caller.Require(ToolAccess.Read, Prefix) is { } denied)
        {
            return ToolResults.Failure(denied);
        }

        var wanted = (project_id ?? path)?.Trim();
        if (string.IsNullOrEmpty(wanted))
        {
            return ToolResults.Failure(
                DomainError.Invalid($"{Prefix}/MISSING_PARAM", "Say which project to open: path (its name or id) or project_id."),
                "Call list_projects to see the names and ids of your projects.");
        }

        var (error, project) = await FindAsync(session, caller, wanted, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error, "Call list_projects to see the names and ids of your projects.");
        }

        session.Store(new AgentSessionState(
            caller.Agent.SessionId, caller.Actor.AccountId, project!.Id, caller.Agent.ClientName, caller.Agent.ClientVersion, clock.GetUtcNow()));
        await session.SaveChangesAsync(ct);
        return ToolResults.Success(new { ProjectId = project.Id, ProjectName = project.Name, Role = project.MyRole, Opened = true });
    }

    [McpServerTool(Name = "close_project", Title = "Close the project", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Forgets this session's current project; project tools then need a project_id or another open_project. Changes nothing in the project.")]
    public static async Task<CallToolResult> CloseProject(RequestContext<CallToolRequestParams> request, IDocumentSession session, CancellationToken ct)
    {
        var caller = AgentCaller.Of(request);
        var state = await caller.CurrentAsync(session, ct);
        if (state is not null)
        {
            session.Delete(state);
            await session.SaveChangesAsync(ct);
        }

        return ToolResults.Success(new { Closed = state?.ProjectId is not null, ProjectId = state?.ProjectId });
    }

    [McpServerTool(Name = "get_project_context", Title = "What is in the project", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Says whether a project is open in this session and, if so (or for project_id), its name, your role and its sources (id, name, type, status). Cases are not supported yet and always come back empty.")]
    public static async Task<CallToolResult> GetProjectContext(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, Prefix, ct);
        if (noProject is { Code: var code } && code.EndsWith("/NO_CONTEXT", StringComparison.Ordinal))
        {
            // v2 answers this question with project_open false rather than an error.
            return ToolResults.Success(new { ProjectOpen = false, SourceCount = 0, Sources = Array.Empty<object>(), CaseCount = 0, Cases = Array.Empty<object>() });
        }

        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        var (denied, project) = await GetProject.QueryAsync(session, projectId, caller.Actor, Prefix, ct);
        if (denied is not null)
        {
            return ToolResults.Failure(denied);
        }

        var (_, sources) = await ListSources.QueryAsync(session, projectId, null, caller.Actor, Prefix, ct);
        return ToolResults.Success(new
        {
            ProjectOpen = true,
            ProjectId = project!.Id,
            ProjectName = project.Name,
            Role = project.MyRole,
            SourceCount = sources.Count,
            Sources = sources.Select(s => new { s.Id, s.Name, Type = s.Format, Status = s.CodingCount > 0 ? "coded" : "imported", s.Length, s.CodingCount }),
            CaseCount = 0,
            Cases = Array.Empty<object>(),
        });
    }

    // Not read-only (the person's browser moves), but it changes no data, so a read token may call it.
    [McpServerTool(Name = "navigate_to_segment", Title = "Show a passage in the browser", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Shows a passage to the person you work for: their open QualCoder browser tabs open the source, scroll to the passage and flash it. Changes no project data. Positions are Unicode code points, 0-based, end exclusive.")]
    public static async Task<CallToolResult> NavigateToSegment(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IHubContext<ProjectHub> hub,
        [Description("The source's id (from get_project_context).")] string source_id,
        [Description("Where the passage starts, in code points from the start of the text (0-based).")] int start_pos,
        [Description("Where the passage ends, in code points (exclusive); greater than start_pos.")] int end_pos,
        [Description("Whether to flash the passage once it is in view.")] bool highlight = true,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "NAVIGATE";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, prefix, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (!Guid.TryParse(source_id, out var sourceId))
        {
            return ToolResults.Failure(DomainError.Invalid($"{prefix}/INVALID_SOURCE_ID", $"source_id must be a source's id (a UUID); \"{source_id}\" is not one."));
        }

        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(projectId);
        var source = batch.Load<Source>(sourceId);
        await batch.Execute(ct);
        if (SourceAccess.Require(await project, await source, caller.Actor, ProjectRole.Viewer, prefix) is { } denied)
        {
            return ToolResults.Failure(denied, "get_project_context lists the open project's sources.");
        }

        var found = (await source)!;
        if (start_pos < 0 || end_pos <= start_pos || end_pos > found.Length)
        {
            return ToolResults.Failure(DomainError.Invalid(
                $"{prefix}/INVALID_POSITION",
                $"[{start_pos}, {end_pos}) is not a passage of \"{found.Name}\", which has {found.Length} characters (code points): 0 <= start_pos < end_pos <= {found.Length}."));
        }

        var navigation = new SegmentNavigation(projectId, sourceId, start_pos, end_pos, highlight, caller.Agent);
        await hub.Clients.User(caller.Actor.AccountId.ToString()).SendAsync(SegmentNavigation.Method, navigation, ct);
        return ToolResults.Success(new
        {
            NavigatedTo = new { ProjectId = projectId, SourceId = sourceId, SourceName = found.Name, StartPos = start_pos, EndPos = end_pos, Highlight = highlight },
        });
    }

    /// <summary>A project by id, or by name among the caller's projects (ignoring case); several of one name need the id.</summary>
    private static async Task<(DomainError? Error, ProjectView? Project)> FindAsync(IQuerySession session, AgentCaller caller, string wanted, CancellationToken ct)
    {
        if (Guid.TryParse(wanted, out var id))
        {
            return await GetProject.QueryAsync(session, id, caller.Actor, Prefix, ct);
        }

        var named = (await ListMyProjects.QueryAsync(session, caller.Actor, ct))
            .Where(p => string.Equals(p.Name.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return named.Count switch
        {
            1 => (null, named[0]),
            0 => (ProjectAccess.NotFound(Prefix), null),
            _ => (DomainError.Conflict($"{Prefix}/AMBIGUOUS_NAME", $"You are a member of {named.Count} projects named \"{wanted}\"; open one by its id."), null),
        };
    }
}
