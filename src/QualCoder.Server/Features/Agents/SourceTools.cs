using System.ComponentModel;
using System.Text.Json;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Sources;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>The source tools: list and read a project's texts, add them (pasted or from a file's bytes), file them in folders, remove them.</summary>
[McpServerToolType]
public static class SourceTools
{
    private const string Listing = "SOURCES";
    private const string Reading = "SOURCE_TEXT";
    private const string Adding = "SOURCE_NOT_ADDED";
    private const string Deleting = "SOURCE_NOT_DELETED";
    private const string Moving = "SOURCE_NOT_MOVED";
    private const int PreviewLength = 300;
    private const string ListHint = "list_sources lists the project's sources with their ids.";
    private static readonly string[] MediaTypes = ["audio", "video", "image", "pdf"];

    [McpServerTool(Name = "list_sources", Title = "List the sources", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description(
        "Lists the project's sources by name: id, name, type, status (\"coded\" once it has codings, else \"imported\"), memo, origin, " +
        "file_size (its length in characters), code_count (its codings), format (how it was added: text, txt, md, docx, pdf, html, odt) and folder_id. " +
        "Read a source's text with read_source_content.")]
    public static async Task<CallToolResult> ListSourcesTool(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("Only sources of this type. This server holds text sources only (PDFs and documents are imported as their text), so \"text\" or nothing lists them all and audio, video, image or pdf list none.")] string? source_type = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, Listing, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        var type = source_type?.Trim().ToLowerInvariant();
        if (type is { Length: > 0 } and not "text" && !MediaTypes.Contains(type))
        {
            return ToolResults.Failure(ToolIds.Invalid("source_type", Listing, $"must be text, audio, video, image or pdf; \"{source_type}\" is none of them."));
        }

        var (denied, sources) = await ListSources.QueryAsync(session, projectId, null, caller.Actor, Listing, ct);
        if (denied is not null)
        {
            return ToolResults.Failure(denied);
        }

        if (type is { Length: > 0 } and not "text")
        {
            return ToolResults.Success(new
            {
                Count = 0,
                Sources = Array.Empty<object>(),
                Note = $"This server holds text sources only, so none is of type {type}. PDFs are imported as their text: list_sources without source_type shows them with format \"pdf\".",
            });
        }

        return ToolResults.Success(new
        {
            Count = sources.Count,
            Sources = sources.Select(s => new
            {
                s.Id, s.Name, Type = "text", Status = StatusOf(s), s.Memo, FileSize = s.Length, s.Origin, CodeCount = s.CodingCount, s.Format, s.FolderId,
            }),
        });
    }

    [McpServerTool(Name = "read_source_content", Title = "Read a source's text", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description(
        "Reads a source's text, or a part of it, in pages. Positions are Unicode code points, 0-based, end exclusive, the same positions the coding tools take. " +
        "The answer has content, start_pos, end_pos (where this page ends), total_length and has_more; while has_more is true, call again with start_pos = end_pos.")]
    public static async Task<CallToolResult> ReadSourceContent(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("Required. The source's id (from list_sources).")] string? source_id = null,
        [Description("Where to start reading, in code points from the start of the text (0-based). Default 0.")] int start_pos = 0,
        [Description("Where to stop reading, in code points (exclusive). Default: the end of the text. A value past the end reads to the end.")] int? end_pos = null,
        [Description("The most characters (code points) to return in this call, 1 to 50,000. Default 50,000; larger values read 50,000.")] int max_length = ReadSourceText.MaxPageLength,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, Reading, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (ToolIds.Required(source_id, "source_id", Reading, out var sourceId) is { } badId)
        {
            return ToolResults.Failure(badId, ListHint);
        }

        if (max_length < 1)
        {
            return ToolResults.Failure(ToolIds.Invalid("max_length", Reading, $"must be at least 1; it was {max_length}."));
        }

        var pageEnd = (long)start_pos + Math.Min(max_length, ReadSourceText.MaxPageLength);
        var end = (int)Math.Min(end_pos is { } wanted ? Math.Min(wanted, pageEnd) : pageEnd, int.MaxValue);
        var (error, page) = await ReadSourceText.QueryAsync(session, projectId, sourceId, start_pos, end, caller.Actor, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error, ListHint);
        }

        return ToolResults.Success(new
        {
            SourceId = page!.SourceId,
            SourceName = page.Name,
            Content = page.Text,
            StartPos = page.Start,
            EndPos = page.End,
            TotalLength = page.TotalLength,
            HasMore = page.HasMore,
        });
    }

    [McpServerTool(Name = "add_text_source", Title = "Add a text source", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description(
        "Adds a text source to the project from text you send (editors and owners). Line endings become \\n; the text never changes afterwards, " +
        "so code positions stay valid. Names are unique in the project ignoring case. For a file (.docx, .pdf, ...) use import_file_source.")]
    public static async Task<CallToolResult> AddTextSource(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        IConfiguration configuration,
        [Description("Required. The source's name, 1-255 characters, unique in the project ignoring case.")] string? name = null,
        [Description("Required. The full text of the source.")] string? content = null,
        [Description("A memo about the source (at most 10,000 characters).")] string? memo = null,
        [Description("Where the text comes from, e.g. \"interview transcript, May 2024\" (at most 1,000 characters).")] string? origin = null,
        [Description("The id of the folder to put it in (from list_folders); omit, null, \"\" or 0 for the top level.")] JsonElement? folder_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, Adding, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (name is null || content is null)
        {
            return ToolResults.Failure(ToolIds.Missing(name is null ? "name" : "content", Adding));
        }

        if (ToolIds.Optional(folder_id, "folder_id", Adding, out var folderId) is { } badFolder)
        {
            return ToolResults.Failure(badFolder, "list_folders lists the project's folders with their ids.");
        }

        var command = new AddSource(
            projectId, Guid.CreateVersion7(), name, content, AddSourceHandler.PastedFormat, memo, origin, folderId,
            SourceSize.MaxBytes(configuration), caller.Actor);
        return await AddAsync(command, bus, session, ct);
    }

    [McpServerTool(Name = "import_file_source", Title = "Import a file as a source", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description(
        "Imports a file as a text source (editors and owners): send its name and its bytes as base64; the server reads its text exactly as an upload " +
        "in the web app (.txt, .md, .docx, .pdf, .html, .odt; a PDF needs a text layer). The server never reads paths on its own disk. " +
        "dry_run=true answers what would be imported (format, file_size in bytes, characters, the first 300 characters as preview, warnings) without adding anything; " +
        "a refusal in a dry run is the one the import would answer.")]
    public static async Task<CallToolResult> ImportFileSource(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        IConfiguration configuration,
        TimeProvider clock,
        [Description("Required. The file's name with its extension, e.g. \"Interview 3.docx\"; the extension says how to read it.")] string? file_name = null,
        [Description("Required. The file's bytes, base64-encoded (standard alphabet, no line breaks), at most the server's upload limit (50 MB by default) before encoding.")] string? content_base64 = null,
        [Description("The source's name. Default: the file name without its extension.")] string? name = null,
        [Description("A memo about the source (at most 10,000 characters).")] string? memo = null,
        [Description("Where the file comes from (at most 1,000 characters).")] string? origin = null,
        [Description("The id of the folder to put it in (from list_folders); omit, null, \"\" or 0 for the top level.")] JsonElement? folder_id = null,
        [Description("true: check and preview the import without adding the source. Default false.")] bool dry_run = false,
        [Description("Not supported: this server cannot read files on a disk. Send file_name and content_base64 instead.")] string? file_path = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, Adding, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (file_path is not null)
        {
            return ToolResults.Failure(
                ToolIds.Invalid("file_path", Adding, "is not supported: the server does not read files from a disk, neither its own nor yours."),
                "Read the file yourself and send file_name (e.g. \"Interview 3.docx\") and content_base64 (its bytes, base64-encoded).");
        }

        if (string.IsNullOrWhiteSpace(file_name) || content_base64 is null)
        {
            return ToolResults.Failure(ToolIds.Missing(string.IsNullOrWhiteSpace(file_name) ? "file_name" : "content_base64", Adding));
        }

        var maxBytes = SourceSize.MaxBytes(configuration);
        var (badContent, bytes) = Decode(content_base64, maxBytes);
        if (badContent is not null)
        {
            return ToolResults.Failure(badContent);
        }

        if (ToolIds.Optional(folder_id, "folder_id", Adding, out var folderId) is { } badFolder)
        {
            return ToolResults.Failure(badFolder, "list_folders lists the project's folders with their ids.");
        }

        var (unreadable, command) = UploadSource.CommandFor(projectId, file_name, bytes!, name, memo, origin, folderId, maxBytes, caller.Actor);
        if (unreadable is not null)
        {
            return ToolResults.Failure(unreadable);
        }

        if (!dry_run)
        {
            return await AddAsync(command!, bus, session, ct);
        }

        if ((await AddSourceHandler.DecideAsync(command!, session, clock.GetUtcNow(), ct)).Error is { } refused)
        {
            return ToolResults.Failure(refused, "This is what the import would answer; nothing was added.");
        }

        var text = command!.Text;
        return ToolResults.Success(new
        {
            DryRun = true,
            Name = command.Name.Trim(),
            Type = "text",
            command.Format,
            FileSize = bytes!.Length,
            Characters = CodePointText.CountCodePoints(text),
            Preview = string.Concat(text.EnumerateRunes().Take(PreviewLength)),
            Warnings = WarningsFor(command.Format, text),
            Message = "The file can be imported as shown; call import_file_source again without dry_run to add it.",
        });
    }

    [McpServerTool(Name = "remove_source", Title = "Remove a source", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description(
        "Removes a source and every coding on it (editors and owners). Without confirm=true it only previews: how many coded segments would go, " +
        "and requires_approval. Show that to the person and call again with confirm=true only once they agree. The removal stays in the project's history.")]
    public static async Task<CallToolResult> RemoveSource(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required. The source's id (from list_sources).")] string? source_id = null,
        [Description("true: remove it now. Default false: only preview what would be removed.")] bool confirm = false,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, Deleting, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (ToolIds.Required(source_id, "source_id", Deleting, out var sourceId) is { } badId)
        {
            return ToolResults.Failure(badId, ListHint);
        }

        var (denied, preview) = await DeleteSourceHandler.PreviewAsync(session, projectId, sourceId, caller.Actor, ct);
        if (denied is not null)
        {
            return ToolResults.Failure(denied, ListHint);
        }

        if (!confirm)
        {
            return ToolResults.Success(new
            {
                Preview = true,
                SourceId = sourceId,
                SourceName = preview!.Name,
                CodedSegmentsCount = preview.CodingsToRemove,
                RequiresApproval = true,
                Message = $"This would remove \"{preview.Name}\" and its {preview.CodingsToRemove} coded segment(s). Call remove_source with confirm=true once the person agrees.",
            });
        }

        var deletion = await bus.InvokeAsync<SourceDeletion>(new DeleteSource(projectId, sourceId, caller.Actor), ct);
        return deletion.Error is { } error
            ? ToolResults.Failure(error, ListHint)
            : ToolResults.Success(new { Removed = true, SourceId = sourceId, SourceName = preview!.Name, SegmentsRemoved = deletion.CodingsRemoved });
    }

    [McpServerTool(Name = "move_source_to_folder", Title = "Move a source to a folder", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Moves a source into a folder, or to the top level (editors and owners). Answers the folder it was in and the one it is in now (null: the top level).")]
    public static async Task<CallToolResult> MoveSourceToFolder(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required. The source's id (from list_sources).")] string? source_id = null,
        [Description("The folder's id (from list_folders). Omitted, null, \"\" or 0: the top level.")] JsonElement? folder_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Write, Moving, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        if (ToolIds.Required(source_id, "source_id", Moving, out var sourceId) is { } badId)
        {
            return ToolResults.Failure(badId, ListHint);
        }

        if (ToolIds.Optional(folder_id, "folder_id", Moving, out var folderId) is { } badFolder)
        {
            return ToolResults.Failure(badFolder, "list_folders lists the project's folders with their ids.");
        }

        // Read before the move only to answer where it came from; the command checks access and the folder itself.
        var before = await session.LoadAsync<Source>(sourceId, ct);
        var outcome = await bus.InvokeAsync<CommandOutcome>(
            new Sources.MoveSourceToFolder(projectId, sourceId, folderId, null, caller.Actor), ct);
        return outcome.Error is { } error
            ? ToolResults.Failure(error, ListHint, "list_folders lists the project's folders with their ids.")
            : ToolResults.Success(new { SourceId = sourceId, OldFolderId = before?.FolderId, NewFolderId = folderId });
    }

    private static async Task<CallToolResult> AddAsync(AddSource command, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        if (outcome.Error is { } error)
        {
            return error.Kind == ErrorKind.Conflict
                ? ToolResults.Failure(error, "Choose another name; list_sources shows the names in use.")
                : ToolResults.Failure(error);
        }

        var source = await SourceView.LoadAsync(session, command.SourceId, ct);
        return ToolResults.Success(new
        {
            SourceId = source.Id, source.Name, Type = "text", Status = StatusOf(source), FileSize = source.Length, source.Format, source.FolderId,
        });
    }

    /// <summary>The file's bytes, refused as too large from the base64's length alone, before anything is decoded.</summary>
    private static (DomainError? Error, byte[]? Bytes) Decode(string base64, long maxBytes)
    {
        var padding = base64.EndsWith("==", StringComparison.Ordinal) ? 2 : base64.EndsWith('=') ? 1 : 0;
        var atMost = (long)base64.Length / 4 * 3 + (base64.Length % 4 * 3 / 4) - padding;
        if (atMost > maxBytes)
        {
            return (SourceSize.TooLarge(atMost, maxBytes), null);
        }

        var bytes = new byte[Math.Max(0, atMost + 3)];
        return Convert.TryFromBase64String(base64, bytes, out var written)
            ? (null, bytes[..written])
            : (ToolIds.Invalid("content_base64", Adding, "is not valid base64 (standard alphabet A-Z a-z 0-9 + /, padded with =)."), null);
    }

    private static string[] WarningsFor(string format, string text)
    {
        var warnings = new List<string>();
        if (text.Count(c => c == '\uFFFD') is var replaced and > 0)
        {
            warnings.Add($"{replaced} character(s) could not be read and became \uFFFD; the file's encoding may be wrong.");
        }

        if (format == "pdf")
        {
            warnings.Add("The text was extracted from a PDF: columns, page headers and footers may be interleaved with it. Read the preview before coding.");
        }
        else if (format is "docx" or "odt" or "html")
        {
            warnings.Add("Only the text is kept: formatting, images and the layout of tables are dropped.");
        }

        return [.. warnings];
    }

    private static string StatusOf(SourceView source) => source.CodingCount > 0 ? "coded" : "imported";
}
