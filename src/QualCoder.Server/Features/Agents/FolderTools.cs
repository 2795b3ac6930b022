using System.ComponentModel;
using System.Text.Json;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>The folder tools: the project's folders for sources, listed, made, renamed and deleted (move_source_to_folder files a source).</summary>
[McpServerToolType]
public static class FolderTools
{
    private const string Listing = "FOLDERS";
    private const string Creating = "FOLDER_NOT_CREATED";
    private const string Renaming = "FOLDER_NOT_RENAMED";
    private const string Deleting = "FOLDER_NOT_DELETED";
    private const string ListHint = "list_folders lists the project's folders with their ids.";

    [McpServerTool(Name = "list_folders", Title = "List the folders", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the project's folders for sources by name: folder_id, name and parent_id (null at the top level). list_sources shows which folder each source is in.")]
    public static async Task<CallToolResult> ListFoldersTool(
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

        var (denied, listed) = await ListFolders.QueryAsync(session, projectId, caller.Actor, Listing, ct);
        return denied is not null
            ? ToolResults.Failure(denied)
            : ToolResults.Success(new { listed!.Folders.Count, Folders = listed.Folders.Select(f => new { FolderId = f.Id, f.Name, f.ParentId }) });
    }

    [McpServerTool(Name = "create_folder", Title = "Create a folder", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Creates a folder for sources at the top level or inside another folder (editors and owners). Names are unique among a folder's subfolders ignoring case and may not contain / or \\.")]
    public static async Task<CallToolResult> CreateFolder(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required. The folder's name, 1-255 characters.")] string? name = null,
        [Description("The id of the folder to create it in (from list_folders). Omitted, null, \"\" or 0: the top level.")] JsonElement? parent_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, Creating, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (name is null)
        {
            return ToolResults.Failure(ToolIds.Missing("name", Creating));
        }

        if (ToolIds.Optional(parent_id, "parent_id", Creating, out var parentId) is { } badParent)
        {
            return ToolResults.Failure(badParent, ListHint);
        }

        var command = new Folders.CreateFolder(projectId, Guid.CreateVersion7(), name, parentId, caller.Actor);
        return await SendAsync(command, projectId, command.FolderId, bus, session, ct);
    }

    [McpServerTool(Name = "rename_folder", Title = "Rename a folder", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Renames a folder (editors and owners); its sources and subfolders stay in it.")]
    public static async Task<CallToolResult> RenameFolder(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required. The folder's id (from list_folders).")] string? folder_id = null,
        [Description("Required. The new name, 1-255 characters, without / or \\.")] string? new_name = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, Renaming, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (ToolIds.Required(folder_id, "folder_id", Renaming, out var folderId) is { } badId)
        {
            return ToolResults.Failure(badId, ListHint);
        }

        if (new_name is null)
        {
            return ToolResults.Failure(ToolIds.Missing("new_name", Renaming));
        }

        return await SendAsync(new Folders.RenameFolder(projectId, folderId, new_name, null, caller.Actor), projectId, folderId, bus, session, ct);
    }

    [McpServerTool(Name = "delete_folder", Title = "Delete an empty folder", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description("Deletes a folder that holds no sources and no subfolders (editors and owners); move them out first with move_source_to_folder. Nothing else is deleted.")]
    public static async Task<CallToolResult> DeleteFolder(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required. The folder's id (from list_folders).")] string? folder_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, Deleting, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (ToolIds.Required(folder_id, "folder_id", Deleting, out var folderId) is { } badId)
        {
            return ToolResults.Failure(badId, ListHint);
        }

        var outcome = await bus.InvokeAsync<CommandOutcome>(new Folders.DeleteFolder(projectId, folderId, null, caller.Actor), ct);
        return outcome.Error is { } error
            ? ToolResults.Failure(error, error.Kind == ErrorKind.Conflict ? "list_sources shows which sources are in the folder; move them with move_source_to_folder." : ListHint)
            : ToolResults.Success(new { FolderId = folderId, Deleted = true });
    }

    /// <summary>Sends a folder command and answers the folder as it is after it.</summary>
    private static async Task<CallToolResult> SendAsync(object command, Guid projectId, Guid folderId, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        if (outcome.Error is { } error)
        {
            return ToolResults.Failure(error, ListHint);
        }

        // Null only when someone deleted the folder in the moment since: the command still succeeded.
        var folder = await FolderReply.LoadAsync(session, projectId, folderId, ct);
        return ToolResults.Success(new { FolderId = folderId, folder?.Name, folder?.ParentId });
    }
}
