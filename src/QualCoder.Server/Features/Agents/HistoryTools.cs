using System.ComponentModel;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.History;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// The version history tools, with QualCoder v2's names: a "snapshot" is a version, its "sha" the version number.
/// History is always on here, so there is nothing to initialise; a restore appends, and loses no version.
/// </summary>
[McpServerToolType]
public static class HistoryTools
{
    private const string Listing = "SNAPSHOTS";
    private const string Diffing = "HISTORY_DIFF";
    private const string Restoring = "PROJECT_NOT_RESTORED";
    private const string RefHint = "list_snapshots lists the versions; a reference is a number, HEAD or HEAD~N.";

    [McpServerTool(Name = "list_snapshots", Title = "List the versions", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description(
        "Lists the project's versions, newest first: each is a batch of changes that settled together, with its number (also as sha), " +
        "message (e.g. 'coding: 3 events'), author, date, the people and agent sessions who acted, and whether it is the current one.")]
    public static async Task<CallToolResult> ListSnapshots(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("How many versions, 1-200 (default 20).")] int? limit = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, Listing, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (ListHistory.Check(limit ?? 20, before: null) is { } invalid)
        {
            return ToolResults.Failure(invalid);
        }

        var page = await ListHistory.PageAsync(session, projectId, limit ?? 20, before: null, actor: null, ct);
        return ToolResults.Success(new
        {
            page.Versions.Count,
            Snapshots = page.Versions.Select(v => new
            {
                Sha = v.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                v.Number,
                v.Message,
                Author = v.Actors.Select(a => a.DisplayName).FirstOrDefault(),
                Date = v.ClosedAt,
                v.Actors,
                v.Current,
            }),
        });
    }

    [McpServerTool(Name = "view_diff", Title = "What changed between two versions", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description(
        "What changed from one version to another, in the project's terms (codes, categories, sources, folders, codings, memos with a " +
        "word diff), with counts, and the raw events between. from_ref may be later than to_ref: the diff then goes backwards.")]
    public static async Task<CallToolResult> ViewDiffTool(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("The version to compare from: a number, HEAD or HEAD~N (HEAD~N may reach 0, the empty project). Omitted: to_ref's predecessor.")] string? from_ref = null,
        [Description("The version to compare to: a number, HEAD or HEAD~N. Omitted: HEAD.")] string? to_ref = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, Diffing, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        var newest = (await VersionLookup.NewestAsync(session, projectId, ct))?.Number;
        var badTo = OptionalRef(to_ref, newest, "to_ref", out var to);
        var badFrom = OptionalRef(from_ref, newest, "from_ref", out var from);
        if ((badTo ?? badFrom) is { } badRef)
        {
            return ToolResults.Failure(badRef, RefHint);
        }

        var (error, diff) = await ViewDiff.DiffAsync(session, projectId, from, to, caller.Actor, ct);
        return error is not null ? ToolResults.Failure(error, RefHint) : ToolResults.Success(diff!);
    }

    /// <summary>An omitted reference stays null: view_diff then takes its default.</summary>
    private static Domain.DomainError? OptionalRef(string? reference, int? newest, string parameter, out int? number)
    {
        number = null;
        if (reference is null)
        {
            return null;
        }

        var error = VersionRef.Resolve(reference, newest, Diffing, parameter, out var resolved);
        number = resolved;
        return error;
    }

    [McpServerTool(Name = "restore_snapshot", Title = "Restore the project to a version", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description(
        "Brings the project's content back to a version (editors and owners). Without confirm=true it only previews: the diff from now to " +
        "that version. Confirmed, it appends the changes that undo everything since as a new version; nothing is deleted, later versions " +
        "stay, and restoring again undoes it. Members and suggestions are not restored.")]
    public static async Task<CallToolResult> RestoreSnapshot(
        RequestContext<CallToolRequestParams> request,
        IDocumentSession session,
        TimeProvider clock,
        [Description("Required. The version to restore: a number, HEAD or HEAD~N.")] string? @ref = null,
        [Description("true to restore; false or omitted for a preview that changes nothing.")] bool confirm = false,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, confirm ? ToolAccess.Write : ToolAccess.Read, Restoring, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        var newest = (await VersionLookup.NewestAsync(session, projectId, ct))?.Number;
        if (VersionRef.Resolve(@ref, newest, Restoring, "ref", out var number) is { } bad)
        {
            return ToolResults.Failure(bad, RefHint);
        }

        var (error, reply) = await RestoreVersionHandler.RestoreAsync(new RestoreVersion(projectId, number, confirm, caller.Actor), session, clock, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error, RefHint);
        }

        await session.SaveChangesAsync(ct);
        return ToolResults.Success(reply!);
    }

    [McpServerTool(Name = "initialize_version_control", Title = "Turn on version history", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Kept for QualCoder v2's agents: version history is always on here, so this changes nothing and reports how many versions the project has.")]
    public static async Task<CallToolResult> InitializeVersionControl(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, Listing, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        var versions = (await VersionLookup.NewestAsync(session, projectId, ct))?.Number ?? 0;
        return ToolResults.Success(new
        {
            Enabled = true,
            Message = "Version history is always on: every change lands in a version, and nothing needs to be initialised.",
            VersionCount = versions,
        });
    }
}
