using System.Text.Json.Serialization;
using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.Codebook;

/// <summary>How many codings one coder made with a code.</summary>
public sealed record CoderCount(Guid CoderId, int Count);

/// <summary>A code as the codebook shows it, with how often it was applied, in total and per coder.</summary>
public sealed record CodeView(
    Guid Id,
    string Name,
    string Color,
    string Memo,
    Guid? CategoryId,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    int CodingCount,
    IReadOnlyList<CoderCount> CodingsByCoder)
{
    /// <summary>The codebook's version, present when a code is answered on its own: send it back as expectedVersion.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Version { get; init; }
}

/// <summary>A category with everything inside it: its child categories (to any depth) and its codes.</summary>
public sealed record CategoryView(
    Guid Id,
    string Name,
    string Memo,
    Guid? ParentId,
    IReadOnlyList<CategoryView> Categories,
    IReadOnlyList<CodeView> Codes)
{
    /// <summary>The codebook's version, present when a category is answered on its own.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Version { get; init; }
}

/// <summary>
/// The whole codebook as one tree: the top-level categories (each with its subtree) and the codes in no category.
/// Categories and codes are ordered by name. <c>Version</c> is the codebook stream's version.
/// </summary>
public sealed record CodebookView(long Version, IReadOnlyList<CategoryView> Categories, IReadOnlyList<CodeView> Codes)
{
    public static CodebookView Of(Codebook? codebook, CodeUsage counts)
    {
        codebook ??= new Codebook();
        var tree = new Tree(codebook, counts);
        return new CodebookView(codebook.Version, tree.CategoriesUnder(null), tree.CodesIn(null));
    }

    public static IReadOnlyList<CodeView> ListCodes(Codebook? codebook, CodeUsage counts) =>
        [.. ByName(codebook?.Codes ?? [], c => c.Name).Select(counts.ViewOf)];

    /// <summary>One category with its subtree.</summary>
    public static CategoryView? CategoryOf(Codebook? codebook, Guid categoryId, CodeUsage counts) =>
        codebook?.FindCategory(categoryId) is { } category ? new Tree(codebook, counts).ViewOf(category) : null;

    private static IEnumerable<T> ByName<T>(IEnumerable<T> items, Func<T, string> name) =>
        items.OrderBy(name, StringComparer.OrdinalIgnoreCase).ThenBy(name, StringComparer.Ordinal);

    /// <summary>
    /// Children by parent. A parent or category that is missing (which the codebook's events never leave behind)
    /// counts as the root, so nothing can fall out of the tree.
    /// </summary>
    private sealed class Tree(Codebook codebook, CodeUsage counts)
    {
        private readonly ILookup<Guid?, Category> _categories = codebook.Categories
            .ToLookup(c => c.ParentId is { } p && codebook.FindCategory(p) is not null ? c.ParentId : null);

        private readonly ILookup<Guid?, Code> _codes = codebook.Codes
            .ToLookup(c => c.CategoryId is { } p && codebook.FindCategory(p) is not null ? c.CategoryId : null);

        public IReadOnlyList<CategoryView> CategoriesUnder(Guid? parentId) =>
            [.. ByName(_categories[parentId], c => c.Name).Select(ViewOf)];

        public IReadOnlyList<CodeView> CodesIn(Guid? categoryId) =>
            [.. ByName(_codes[categoryId], c => c.Name).Select(counts.ViewOf)];

        public CategoryView ViewOf(Category category) =>
            new(category.Id, category.Name, category.Memo, category.ParentId, CategoriesUnder(category.Id), CodesIn(category.Id));
    }

    /// <summary>
    /// Reads a project's codebook for a member: the project and the codebook in one round trip, then (only for a
    /// member) the coding counts in one grouped query.
    /// </summary>
    internal static async Task<(DomainError? Error, Codebook? Codebook, CodeUsage Counts)> ReadAsync(
        IQuerySession session, Guid projectId, Actor actor, string codePrefix, Guid? onlyCode, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var codebookLoad = batch.Load<Codebook>(ProjectStreams.CodebookOf(projectId));
        await batch.Execute(ct);
        if (ProjectAccess.Require(await projectLoad, actor, ProjectRole.Viewer, codePrefix) is { } denied)
        {
            return (denied, null, CodeUsage.None);
        }

        var codebook = await codebookLoad;
        var counts = codebook is { Codes.Count: > 0 } ? await CodeUsage.LoadAsync(session, projectId, onlyCode, ct) : CodeUsage.None;
        return (null, codebook, counts);
    }
}

/// <summary>
/// How many codings each code has, per coder, counted from the <see cref="Segment"/> rows by one grouped query over
/// their indexed project, code and coder columns.
/// </summary>
public sealed class CodeUsage
{
    public static readonly CodeUsage None = new([]);

    private readonly Dictionary<Guid, IReadOnlyList<CoderCount>> _byCode;

    public CodeUsage(IEnumerable<Row> rows) => _byCode = rows
        .GroupBy(r => r.CodeId)
        .ToDictionary(g => g.Key, g => (IReadOnlyList<CoderCount>)[.. g.Select(r => new CoderCount(r.CoderId, r.Count)).OrderByDescending(c => c.Count).ThenBy(c => c.CoderId)]);

    /// <summary>One result row: a code, a coder, and how many codings that coder made with that code.</summary>
    public sealed record Row(Guid CodeId, Guid CoderId, int Count);

    public IReadOnlyList<CoderCount> Of(Guid codeId) => _byCode.GetValueOrDefault(codeId) ?? [];

    public CodeView ViewOf(Code code)
    {
        var byCoder = Of(code.Id);
        return new CodeView(code.Id, code.Name, code.Color, code.Memo, code.CategoryId, code.CreatedBy.AccountId, code.CreatedAt, byCoder.Sum(c => c.Count), byCoder);
    }

    public static async Task<CodeUsage> LoadAsync(IQuerySession session, Guid projectId, Guid? onlyCode, CancellationToken ct)
    {
        var table = session.DocumentStore.Options.Schema.For<Segment>(qualified: true);
        var sql =
            $"""
             select json_build_object('codeId', s.code_id, 'coderId', s.coder_id, 'count', count(*)) as data
             from {table} as s
             where s.project_id = ?{(onlyCode is null ? "" : " and s.code_id = ?")}
             group by s.code_id, s.coder_id
             """;
        object[] parameters = onlyCode is { } codeId ? [projectId, codeId] : [projectId];
        return new CodeUsage(await session.AdvancedSql.QueryAsync<Row>(sql, ct, parameters));
    }
}
