using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Codebook;

public sealed record CodeCreated(
    Guid ProjectId, Guid CodeId, string Name, string Color, string Memo, Guid? CategoryId, Actor Actor, DateTimeOffset At);

public sealed record CodeRenamed(Guid ProjectId, Guid CodeId, string Name, Actor Actor, DateTimeOffset At);

public sealed record CodeRecoloured(Guid ProjectId, Guid CodeId, string Color, Actor Actor, DateTimeOffset At);

public sealed record CodeMemoChanged(Guid ProjectId, Guid CodeId, string Memo, Actor Actor, DateTimeOffset At);

/// <summary>A code moved into a category, or out of every category (CategoryId null).</summary>
public sealed record CodeMoved(Guid ProjectId, Guid CodeId, Guid? CategoryId, Actor Actor, DateTimeOffset At);

/// <summary>Code <c>SourceCodeId</c> was merged into <c>TargetCodeId</c> and is gone; its codings were recoded in their sources' streams.</summary>
public sealed record CodesMerged(Guid ProjectId, Guid SourceCodeId, Guid TargetCodeId, Actor Actor, DateTimeOffset At);

/// <summary>A code was deleted; any codings it had were removed in their sources' streams in the same transaction.</summary>
public sealed record CodeDeleted(Guid ProjectId, Guid CodeId, Actor Actor, DateTimeOffset At);

public sealed record CategoryCreated(Guid ProjectId, Guid CategoryId, string Name, Guid? ParentId, string Memo, Actor Actor, DateTimeOffset At);

public sealed record CategoryRenamed(Guid ProjectId, Guid CategoryId, string Name, Actor Actor, DateTimeOffset At);

public sealed record CategoryMoved(Guid ProjectId, Guid CategoryId, Guid? ParentId, Actor Actor, DateTimeOffset At);

public sealed record CategoryMemoChanged(Guid ProjectId, Guid CategoryId, string Memo, Actor Actor, DateTimeOffset At);

/// <summary>A category was deleted; its codes and child categories moved up to its parent.</summary>
public sealed record CategoryDeleted(Guid ProjectId, Guid CategoryId, Actor Actor, DateTimeOffset At);

public sealed record Code(Guid Id, string Name, string Color, string Memo, Guid? CategoryId, Actor CreatedBy, DateTimeOffset CreatedAt);

public sealed record Category(Guid Id, string Name, Guid? ParentId, string Memo);

/// <summary>
/// A project's codebook: one stream (id from <see cref="Projects.ProjectStreams.CodebookOf"/>), small enough to
/// check whole-codebook rules (case-insensitive unique names, no category cycles) in one place.
/// </summary>
public sealed record Codebook
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public IReadOnlyList<Code> Codes { get; init; } = [];

    public IReadOnlyList<Category> Categories { get; init; } = [];

    public long Version { get; set; }

    public Code? FindCode(Guid codeId) => Codes.FirstOrDefault(c => c.Id == codeId);

    public Category? FindCategory(Guid categoryId) => Categories.FirstOrDefault(c => c.Id == categoryId);

    public Codebook Apply(CodeCreated e) => this with
    {
        ProjectId = e.ProjectId,
        Codes = [.. Codes, new Code(e.CodeId, e.Name, e.Color, e.Memo, e.CategoryId, e.Actor, e.At)],
    };

    public Codebook Apply(CodeRenamed e) => ReplaceCode(e.CodeId, c => c with { Name = e.Name });

    public Codebook Apply(CodeRecoloured e) => ReplaceCode(e.CodeId, c => c with { Color = e.Color });

    public Codebook Apply(CodeMemoChanged e) => ReplaceCode(e.CodeId, c => c with { Memo = e.Memo });

    public Codebook Apply(CodeMoved e) => ReplaceCode(e.CodeId, c => c with { CategoryId = e.CategoryId });

    public Codebook Apply(CodesMerged e) => this with { Codes = [.. Codes.Where(c => c.Id != e.SourceCodeId)] };

    public Codebook Apply(CodeDeleted e) => this with { Codes = [.. Codes.Where(c => c.Id != e.CodeId)] };

    public Codebook Apply(CategoryCreated e) => this with
    {
        ProjectId = e.ProjectId,
        Categories = [.. Categories, new Category(e.CategoryId, e.Name, e.ParentId, e.Memo)],
    };

    public Codebook Apply(CategoryRenamed e) => ReplaceCategory(e.CategoryId, c => c with { Name = e.Name });

    public Codebook Apply(CategoryMoved e) => ReplaceCategory(e.CategoryId, c => c with { ParentId = e.ParentId });

    public Codebook Apply(CategoryMemoChanged e) => ReplaceCategory(e.CategoryId, c => c with { Memo = e.Memo });

    public Codebook Apply(CategoryDeleted e)
    {
        var parent = FindCategory(e.CategoryId)?.ParentId;
        return this with
        {
            Categories = [.. Categories.Where(c => c.Id != e.CategoryId).Select(c => c.ParentId == e.CategoryId ? c with { ParentId = parent } : c)],
            Codes = [.. Codes.Select(c => c.CategoryId == e.CategoryId ? c with { CategoryId = parent } : c)],
        };
    }

    private Codebook ReplaceCode(Guid codeId, Func<Code, Code> change) =>
        this with { Codes = [.. Codes.Select(c => c.Id == codeId ? change(c) : c)] };

    private Codebook ReplaceCategory(Guid categoryId, Func<Category, Category> change) =>
        this with { Categories = [.. Categories.Select(c => c.Id == categoryId ? change(c) : c)] };
}
