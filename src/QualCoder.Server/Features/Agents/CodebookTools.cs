using System.ComponentModel;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using Wolverine;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// The codebook tools: read the codes and categories, change them with the same commands as the HTTP API, and find
/// codes that may be duplicates. A change answers the values before and after it, as QualCoder v2 does.
/// </summary>
[McpServerToolType]
public static class CodebookTools
{
    private const string CodeIdDescription = "Required: the code's id (a UUID from list_codes).";
    private const string CategoryIdDescription = "Required: the category's id (a UUID from list_categories).";
    private const string ListCodesHint = "list_codes lists the project's codes with their ids.";
    private const string ListCategoriesHint = "list_categories lists the project's categories with their ids.";

    [McpServerTool(Name = "list_codes", Title = "List the codes", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists every code of the project by name: id, name, color (#rrggbb), memo, category_id and category_name (null when in no category), owner (the id of the account that created it), created_at, segment_count (its codings) and segments_by_coder ([{coder_id, count}]).")]
    public static async Task<CallToolResult> ListCodes(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CODES_NOT_LISTED";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Read, prefix, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, caller.Actor, prefix, null, ct);
        if (denied is not null)
        {
            return ToolResults.Failure(denied);
        }

        var codes = CodebookView.ListCodes(codebook, counts);
        return ToolResults.Success(new { Count = codes.Count, Codes = codes.Select(c => CodeOf(c, codebook!)) });
    }

    [McpServerTool(Name = "get_code", Title = "Read one code", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("One code with the same fields as list_codes: its name, color, memo, category, owner, creation time and its number of codings in total and per coder.")]
    public static async Task<CallToolResult> GetCode(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description(CodeIdDescription)] string? code_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CODE_NOT_FOUND";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Read, prefix, ct);
        var bad = BadId(code_id, "code_id", prefix, ListCodesHint, out var codeId);
        if ((refusal ?? bad) is { } refused)
        {
            return refused;
        }

        var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, caller.Actor, prefix, codeId, ct);
        if (denied is not null)
        {
            return ToolResults.Failure(denied);
        }

        return codebook?.FindCode(codeId) is { } code
            ? ToolResults.Success(CodeOf(counts.ViewOf(code), codebook))
            : ToolResults.Failure(CodebookRules.CodeNotFound(prefix), ListCodesHint);
    }

    [McpServerTool(Name = "create_code", Title = "Create a code", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Creates a code in the codebook (editors and owners). Names are unique in the project ignoring case. Answers code_id, name, color, memo and category_id; apply it to text with the coding tools next.")]
    public static async Task<CallToolResult> CreateCode(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required: the code's name, 1 to 100 characters, unique in the project ignoring case.")] string? name = null,
        [Description("Required: the code's colour as hex, #RGB or #RRGGBB, for example #e6194b.")] string? color = null,
        [Description("What the code means and when to apply it (up to 10,000 characters). Optional.")] string? memo = null,
        [Description("The category to put it in (a UUID from list_categories). Optional: without it the code is in no category.")] string? category_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CODE_NOT_CREATED";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Write, prefix, ct);
        var badCategory = BadOptionalId(category_id, "category_id", prefix, ListCategoriesHint, out var categoryId);
        if ((refusal ?? Missing(name, "name", prefix) ?? Missing(color, "color", prefix) ?? badCategory) is { } refused)
        {
            return refused;
        }

        var codeId = Guid.CreateVersion7();
        var (error, _, after) = await SendAsync(session, bus, projectId, new CreateCode(projectId, codeId, name!, color!, memo, categoryId, null, caller.Actor), ct);
        if (error is not null)
        {
            return error.Code.EndsWith("/DUPLICATE_NAME", StringComparison.Ordinal)
                ? ToolResults.Failure(error, "list_codes shows the names already taken.")
                : Refused(error, ListCategoriesHint);
        }

        var code = after.FindCode(codeId);
        return ToolResults.Success(new { CodeId = codeId, Name = code?.Name ?? name, Color = code?.Color ?? color, Memo = code?.Memo ?? memo, CategoryId = code?.CategoryId ?? categoryId });
    }

    [McpServerTool(Name = "rename_code", Title = "Rename a code", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Renames a code (editors and owners); its codings keep it. Changing only the case is allowed. Answers code_id, old_name and new_name.")]
    public static Task<CallToolResult> RenameCode(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description(CodeIdDescription)] string? code_id = null,
        [Description("Required: the new name, 1 to 100 characters, unique in the project ignoring case.")] string? new_name = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default) =>
        ChangeCodeAsync(
            request, session, bus, project_id, code_id, "CODE_NOT_RENAMED", Missing(new_name, "new_name", "CODE_NOT_RENAMED"),
            (projectId, codeId, actor) => new RenameCode(projectId, codeId, new_name!, null, actor),
            (codeId, old, now) => new { CodeId = codeId, OldName = old.Name, NewName = now.Name },
            ct);

    [McpServerTool(Name = "change_code_color", Title = "Change a code's colour", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Gives a code another colour (editors and owners). Answers code_id, old_color and new_color, as lower-case #rrggbb.")]
    public static Task<CallToolResult> ChangeCodeColor(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description(CodeIdDescription)] string? code_id = null,
        [Description("Required: the new colour as hex, #RGB or #RRGGBB, for example #3cb44b.")] string? color = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default) =>
        ChangeCodeAsync(
            request, session, bus, project_id, code_id, "CODE_NOT_RECOLOURED", Missing(color, "color", "CODE_NOT_RECOLOURED"),
            (projectId, codeId, actor) => new RecolourCode(projectId, codeId, color!, null, actor),
            (codeId, old, now) => new { CodeId = codeId, OldColor = old.Color, NewColor = now.Color },
            ct);

    [McpServerTool(Name = "update_code_memo", Title = "Change a code's memo", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Sets a code's memo, its definition (editors and owners); omitting memo (or sending it blank) clears it. Answers code_id, old_memo and new_memo.")]
    public static Task<CallToolResult> UpdateCodeMemo(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description(CodeIdDescription)] string? code_id = null,
        [Description("The new memo, up to 10,000 characters. Omit it to clear the memo.")] string? memo = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default) =>
        ChangeCodeAsync(
            request, session, bus, project_id, code_id, "CODE_MEMO_NOT_CHANGED", null,
            (projectId, codeId, actor) => new ChangeCodeMemo(projectId, codeId, memo, null, actor),
            (codeId, old, now) => new { CodeId = codeId, OldMemo = old.Memo, NewMemo = now.Memo },
            ct);

    [McpServerTool(Name = "move_code_to_category", Title = "Move a code to a category", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Puts a code into a category, or with category_id omitted into no category (editors and owners). Answers code_id, old_category_id and new_category_id (null: no category).")]
    public static Task<CallToolResult> MoveCodeToCategory(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description(CodeIdDescription)] string? code_id = null,
        [Description("The category to move it into (a UUID from list_categories). Omit it to take the code out of every category.")] string? category_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default) =>
        ChangeCodeAsync(
            request, session, bus, project_id, code_id, "CODE_NOT_MOVED", BadOptionalId(category_id, "category_id", "CODE_NOT_MOVED", ListCategoriesHint, out var categoryId),
            (projectId, codeId, actor) => new MoveCode(projectId, codeId, categoryId, null, actor),
            (codeId, old, now) => new { CodeId = codeId, OldCategoryId = old.CategoryId, NewCategoryId = now.CategoryId },
            ct);

    [McpServerTool(Name = "merge_codes", Title = "Merge a code into another", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description("Merges the source code into the target code (editors and owners): every coding of the source becomes the target's, overlapping codings of one coder are joined into one, and the source code is deleted. Answers both ids and names, segments_moved (the source's codings) and target_segment_count (the target's codings now). To only propose a merge to the person, use suggest_merge_codes.")]
    public static async Task<CallToolResult> MergeCodes(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required: the code to merge away (its id from list_codes); it is deleted.")] string? source_code_id = null,
        [Description("Required: the code to merge into (its id from list_codes); it stays and gains the codings.")] string? target_code_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CODES_NOT_MERGED";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Write, prefix, ct);
        var badTarget = BadId(target_code_id, "target_code_id", prefix, ListCodesHint, out var targetId);
        var bad = BadId(source_code_id, "source_code_id", prefix, ListCodesHint, out var sourceId) ?? badTarget;
        if ((refusal ?? bad) is { } refused)
        {
            return refused;
        }

        var moved = Total(await CodeUsage.LoadAsync(session, projectId, sourceId, ct), sourceId);
        var (error, before, after) = await SendAsync(session, bus, projectId, new MergeCodes(projectId, sourceId, targetId, null, caller.Actor), ct);
        if (error is not null)
        {
            return Refused(error, ListCodesHint);
        }

        return ToolResults.Success(new
        {
            SourceCodeId = sourceId,
            SourceCodeName = before.FindCode(sourceId)?.Name,
            TargetCodeId = targetId,
            TargetCodeName = (after.FindCode(targetId) ?? before.FindCode(targetId))?.Name,
            SegmentsMoved = moved,
            TargetSegmentCount = Total(await CodeUsage.LoadAsync(session, projectId, targetId, ct), targetId),
        });
    }

    [McpServerTool(Name = "delete_code", Title = "Delete a code", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description("Deletes a code (editors and owners). A code with codings is refused unless delete_segments is true, which deletes its codings too; to keep them, merge_codes it into another code instead. Answers code_id, name, segments_removed and deleted.")]
    public static async Task<CallToolResult> DeleteCode(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description(CodeIdDescription)] string? code_id = null,
        [Description("Whether to delete the code's codings with it. Default false: a code with codings is then not deleted.")] bool delete_segments = false,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CODE_NOT_DELETED";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Write, prefix, ct);
        var bad = BadId(code_id, "code_id", prefix, ListCodesHint, out var codeId);
        if ((refusal ?? bad) is { } refused)
        {
            return refused;
        }

        var removed = delete_segments ? Total(await CodeUsage.LoadAsync(session, projectId, codeId, ct), codeId) : 0;
        var (error, before, _) = await SendAsync(session, bus, projectId, new DeleteCode(projectId, codeId, delete_segments, null, caller.Actor), ct);
        if (error is not null)
        {
            return error.Code.EndsWith("/HAS_REFERENCES", StringComparison.Ordinal)
                ? ToolResults.Failure(error, "Pass delete_segments=true to delete the codings with the code, or merge_codes into another code to keep the codings.")
                : Refused(error, ListCodesHint);
        }

        return ToolResults.Success(new { CodeId = codeId, before.FindCode(codeId)?.Name, SegmentsRemoved = removed, Deleted = true });
    }

    [McpServerTool(Name = "list_categories", Title = "List the categories", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Lists the project's categories of codes, parents before their children (by name at each level): id, name, parent_id (null at the top), memo and code_count (the codes directly in it).")]
    public static async Task<CallToolResult> ListCategories(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "LIST_CATEGORIES";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Read, prefix, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, caller.Actor, prefix, null, ct);
        if (denied is not null)
        {
            return ToolResults.Failure(denied);
        }

        var categories = Flatten(CodebookView.Of(codebook, counts).Categories).ToList();
        return ToolResults.Success(new
        {
            Count = categories.Count,
            Categories = categories.Select(c => new { c.Id, c.Name, c.ParentId, c.Memo, CodeCount = c.Codes.Count }),
        });
    }

    [McpServerTool(Name = "create_category", Title = "Create a category", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Creates a category of codes (editors and owners), at the top of the codebook or inside parent_id. Names are unique among categories ignoring case. Answers category_id, name, parent_id and memo; move codes into it with move_code_to_category.")]
    public static async Task<CallToolResult> CreateCategory(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("Required: the category's name, 1 to 100 characters, unique among the project's categories ignoring case.")] string? name = null,
        [Description("The category to create it in (a UUID from list_categories). Optional: without it the category is at the top.")] string? parent_id = null,
        [Description("What the category groups (up to 10,000 characters). Optional.")] string? memo = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CATEGORY_NOT_CREATED";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Write, prefix, ct);
        var badParent = BadOptionalId(parent_id, "parent_id", prefix, ListCategoriesHint, out var parentId);
        if ((refusal ?? Missing(name, "name", prefix) ?? badParent) is { } refused)
        {
            return refused;
        }

        var categoryId = Guid.CreateVersion7();
        var (error, _, after) = await SendAsync(session, bus, projectId, new CreateCategory(projectId, categoryId, name!, parentId, memo, null, caller.Actor), ct);
        if (error is not null)
        {
            return Refused(error, ListCategoriesHint);
        }

        var category = after.FindCategory(categoryId);
        return ToolResults.Success(new { CategoryId = categoryId, Name = category?.Name ?? name, ParentId = category?.ParentId ?? parentId, Memo = category?.Memo ?? memo });
    }

    [McpServerTool(Name = "rename_category", Title = "Rename a category", ReadOnly = false, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Renames a category (editors and owners); changing only the case is allowed. Answers category_id, old_name and new_name.")]
    public static async Task<CallToolResult> RenameCategory(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description(CategoryIdDescription)] string? category_id = null,
        [Description("Required: the new name, 1 to 100 characters, unique among the project's categories ignoring case.")] string? new_name = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CATEGORY_NOT_RENAMED";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Write, prefix, ct);
        var bad = BadId(category_id, "category_id", prefix, ListCategoriesHint, out var categoryId) ?? Missing(new_name, "new_name", prefix);
        if ((refusal ?? bad) is { } refused)
        {
            return refused;
        }

        var (error, before, after) = await SendAsync(session, bus, projectId, new RenameCategory(projectId, categoryId, new_name!, null, caller.Actor), ct);
        return error is not null
            ? Refused(error, ListCategoriesHint)
            : ToolResults.Success(new { CategoryId = categoryId, OldName = before.FindCategory(categoryId)?.Name, NewName = (after.FindCategory(categoryId) ?? before.FindCategory(categoryId))?.Name });
    }

    [McpServerTool(Name = "delete_category", Title = "Delete a category", ReadOnly = false, Idempotent = false, Destructive = true, OpenWorld = false)]
    [Description("Deletes a category (editors and owners). Nothing else is deleted: its codes and child categories move up to its parent (or to the top). Answers category_id, name, deleted, moved_to (the parent's id, null: the top), codes_moved and categories_moved.")]
    public static async Task<CallToolResult> DeleteCategory(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description(CategoryIdDescription)] string? category_id = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "CATEGORY_NOT_DELETED";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Write, prefix, ct);
        var bad = BadId(category_id, "category_id", prefix, ListCategoriesHint, out var categoryId);
        if ((refusal ?? bad) is { } refused)
        {
            return refused;
        }

        var (error, before, _) = await SendAsync(session, bus, projectId, new DeleteCategory(projectId, categoryId, null, caller.Actor), ct);
        if (error is not null)
        {
            return Refused(error, ListCategoriesHint);
        }

        var category = before.FindCategory(categoryId);
        return ToolResults.Success(new
        {
            CategoryId = categoryId,
            category?.Name,
            Deleted = true,
            MovedTo = category?.ParentId,
            CodesMoved = before.Codes.Count(c => c.CategoryId == categoryId),
            CategoriesMoved = before.Categories.Count(c => c.ParentId == categoryId),
        });
    }

    [McpServerTool(Name = "detect_duplicate_codes", Title = "Find codes that may be duplicates", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description("Finds pairs of codes that may mean the same thing, by the words of their names (ignoring case, order and punctuation), blended 60/40 with the words of their memos when both have one. Answers codes_analyzed and candidates [{code_a_id, code_a_name, code_b_id, code_b_name, similarity (0..1), rationale, code_a_segments, code_b_segments}], most similar first. 0.9 and above reads as a likely duplicate, 0.7 to 0.9 as worth a review. Changes nothing: to act, merge_codes (or suggest_merge_codes to let the person decide).")]
    public static async Task<CallToolResult> DetectDuplicateCodes(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("The lowest similarity to report, above 0 and at most 1. Default 0.8.")] double threshold = DuplicateCodes.DefaultThreshold,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "DETECT_DUPLICATES";
        var (refusal, caller, projectId) = await OpenAsync(request, session, project_id, ToolAccess.Read, prefix, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!(threshold is > 0 and <= 1))
        {
            return ToolResults.Failure(DomainError.Invalid($"{prefix}/INVALID_PARAM", $"threshold must be above 0 and at most 1; {threshold} is not."), "Leave threshold out to use 0.8.");
        }

        var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, caller.Actor, prefix, null, ct);
        if (denied is not null)
        {
            return ToolResults.Failure(denied);
        }

        var codes = codebook?.Codes ?? [];
        var candidates = DuplicateCodes.Find(codes, threshold);
        return ToolResults.Success(new
        {
            CodesAnalyzed = codes.Count,
            Threshold = threshold,
            Count = candidates.Count,
            Candidates = candidates.Select(c => new
            {
                CodeAId = c.A.Id,
                CodeAName = c.A.Name,
                CodeBId = c.B.Id,
                CodeBName = c.B.Name,
                c.Similarity,
                c.Rationale,
                CodeASegments = Total(counts, c.A.Id),
                CodeBSegments = Total(counts, c.B.Id),
            }),
        });
    }

    /// <summary>The caller and the project a tool works in, or the refusal to answer (scope, no project, bad project_id).</summary>
    private static async Task<(CallToolResult? Refusal, AgentCaller Caller, Guid ProjectId)> OpenAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, string? projectId, ToolAccess access, string prefix, CancellationToken ct)
    {
        var caller = AgentCaller.Of(request);
        var (error, id) = await caller.ProjectAsync(session, projectId, access, prefix, ct);
        return (error is null ? null : ToolResults.Failure(error), caller, id);
    }

    /// <summary>
    /// Runs a command on one code and answers it before and after: the tools that change one property of a code.
    /// <paramref name="badArgument"/> is the refusal of the tool's other arguments, if any.
    /// </summary>
    private static async Task<CallToolResult> ChangeCodeAsync(
        RequestContext<CallToolRequestParams> request, IQuerySession session, IMessageBus bus, string? projectIdArgument, string? codeIdArgument, string prefix,
        CallToolResult? badArgument, Func<Guid, Guid, Actor, object> command, Func<Guid, Code, Code, object> answer, CancellationToken ct)
    {
        var (refusal, caller, projectId) = await OpenAsync(request, session, projectIdArgument, ToolAccess.Write, prefix, ct);
        var bad = BadId(codeIdArgument, "code_id", prefix, ListCodesHint, out var codeId) ?? badArgument;
        if ((refusal ?? bad) is { } refused)
        {
            return refused;
        }

        var (error, before, after) = await SendAsync(session, bus, projectId, command(projectId, codeId, caller.Actor), ct);
        if (error is not null)
        {
            return Refused(error, ListCodesHint);
        }

        var (old, now) = (before.FindCode(codeId), after.FindCode(codeId));
        return ToolResults.Success(old is null && now is null ? new { CodeId = codeId } : answer(codeId, (old ?? now)!, (now ?? old)!));
    }

    /// <summary>
    /// Sends a codebook command (the same one the HTTP API sends) and answers the codebook just before the command's
    /// own change, read first (or replayed, when someone else changed the codebook in between), and just after it.
    /// </summary>
    private static async Task<(DomainError? Error, CodebookState Before, CodebookState After)> SendAsync(
        IQuerySession session, IMessageBus bus, Guid projectId, object command, CancellationToken ct)
    {
        var streamId = ProjectStreams.CodebookOf(projectId);
        var read = await session.LoadAsync<CodebookState>(streamId, ct) ?? new CodebookState();
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        if (outcome.Error is { } error)
        {
            return (error, read, read);
        }

        var before = outcome.Version <= read.Version + 1
            ? read
            : await session.Events.AggregateStreamAsync<CodebookState>(streamId, outcome.Version - 1, token: ct) ?? read;
        return (null, before, await session.LoadAsync<CodebookState>(streamId, ct) ?? before);
    }

    private static object CodeOf(CodeView code, CodebookState codebook) => new
    {
        code.Id,
        code.Name,
        code.Color,
        code.Memo,
        code.CategoryId,
        CategoryName = code.CategoryId is { } categoryId ? codebook.FindCategory(categoryId)?.Name : null,
        Owner = code.CreatedBy,
        code.CreatedAt,
        SegmentCount = code.CodingCount,
        SegmentsByCoder = code.CodingsByCoder.Select(c => new { c.CoderId, c.Count }),
    };

    private static IEnumerable<CategoryView> Flatten(IEnumerable<CategoryView> categories) =>
        categories.SelectMany(c => Flatten(c.Categories).Prepend(c));

    private static int Total(CodeUsage counts, Guid codeId) => counts.Of(codeId).Sum(c => c.Count);

    /// <summary>A command's refusal; when an id named nothing, with <paramref name="hint"/> on where to find the ids.</summary>
    private static CallToolResult Refused(DomainError error, string hint) =>
        ToolResults.Failure(error, error.Code.EndsWith("NOT_FOUND", StringComparison.Ordinal) ? [hint] : []);

    /// <summary>A required text argument that was left out.</summary>
    private static CallToolResult? Missing(string? value, string argument, string prefix) =>
        value is null ? ToolResults.Failure(ToolIds.Missing(argument, prefix)) : null;

    /// <summary>A required id argument: missing, or not a UUID, is the tool's own error naming the argument.</summary>
    private static CallToolResult? BadId(string? value, string argument, string prefix, string hint, out Guid id) =>
        ToolIds.Required(value, argument, prefix, out id) is { } error ? ToolResults.Failure(error, hint) : null;

    /// <summary>An optional id argument: omitted, null or blank means none.</summary>
    private static CallToolResult? BadOptionalId(string? value, string argument, string prefix, string hint, out Guid? id) =>
        ToolIds.Optional(value, argument, prefix, out id) is { } error ? ToolResults.Failure(error, hint) : null;
}
