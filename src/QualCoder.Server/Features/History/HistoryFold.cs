using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.History;

/// <summary>
/// Folds a project's events, oldest first, into its <see cref="HistoryState"/>. Mutable inside so that folding
/// 100,000 events costs one dictionary write each instead of copying the state per event; <see cref="Snapshot"/>
/// hands out an immutable copy, so a diff folds once and snapshots at both ends. Events it does not know (members,
/// suggestions, history's own) leave the content as it is.
/// </summary>
public sealed class HistoryFold
{
    private readonly Dictionary<Guid, HistoryFolder> folders = [];
    private readonly Dictionary<Guid, HistoryCategory> categories = [];
    private readonly Dictionary<Guid, HistoryCode> codes = [];
    private readonly Dictionary<Guid, HistorySource> sources = [];
    private readonly Dictionary<Guid, HistoryCoding> codings = [];
    private string projectName = "";
    private string projectDescription = "";

    public static HistoryState Of(IEnumerable<object> events)
    {
        var fold = new HistoryFold();
        foreach (var e in events)
        {
            fold.Apply(e);
        }

        return fold.Snapshot();
    }

    public HistoryState Snapshot() => new(
        projectName, projectDescription,
        new Dictionary<Guid, HistoryFolder>(folders), new Dictionary<Guid, HistoryCategory>(categories),
        new Dictionary<Guid, HistoryCode>(codes), new Dictionary<Guid, HistorySource>(sources), new Dictionary<Guid, HistoryCoding>(codings));

    public void Apply(object e)
    {
        switch (e)
        {
            case ProjectCreated x: (projectName, projectDescription) = (x.Name, x.Description); break;
            case ProjectRenamed x: projectName = x.Name; break;
            case ProjectDescribed x: projectDescription = x.Description; break;

            case FolderCreated x: folders[x.FolderId] = new(x.FolderId, x.Name, x.ParentId); break;
            case FolderRenamed x: Change(folders, x.FolderId, f => f with { Name = x.Name }); break;
            case FolderMoved x: Change(folders, x.FolderId, f => f with { ParentId = x.ParentId }); break;
            case FolderDeleted x: folders.Remove(x.FolderId); break;

            case CategoryCreated x: categories[x.CategoryId] = new(x.CategoryId, x.Name, x.ParentId, x.Memo); break;
            case CategoryRenamed x: Change(categories, x.CategoryId, c => c with { Name = x.Name }); break;
            case CategoryMoved x: Change(categories, x.CategoryId, c => c with { ParentId = x.ParentId }); break;
            case CategoryMemoChanged x: Change(categories, x.CategoryId, c => c with { Memo = x.Memo }); break;
            case CategoryDeleted x: DeleteCategory(x.CategoryId); break;

            case CodeCreated x: codes[x.CodeId] = new(x.CodeId, x.Name, x.Color, x.Memo, x.CategoryId); break;
            case CodeRenamed x: Change(codes, x.CodeId, c => c with { Name = x.Name }); break;
            case CodeRecoloured x: Change(codes, x.CodeId, c => c with { Color = x.Color }); break;
            case CodeMemoChanged x: Change(codes, x.CodeId, c => c with { Memo = x.Memo }); break;
            case CodeMoved x: Change(codes, x.CodeId, c => c with { CategoryId = x.CategoryId }); break;
            case CodesMerged x: codes.Remove(x.SourceCodeId); break;
            case CodeDeleted x: codes.Remove(x.CodeId); break;

            case SourceAdded x: sources[x.SourceId] = new(x.SourceId, x.Name, x.FolderId, x.Memo, x.Origin, false); break;
            case SourceRenamed x: Change(sources, x.SourceId, s => s with { Name = x.Name }); break;
            case SourceMemoChanged x: Change(sources, x.SourceId, s => s with { Memo = x.Memo }); break;
            case SourceOriginChanged x: Change(sources, x.SourceId, s => s with { Origin = x.Origin }); break;
            case SourceMovedToFolder x: Change(sources, x.SourceId, s => s with { FolderId = x.FolderId }); break;
            case SourceDeleted x: DeleteSource(x.SourceId); break;
            case SourceRestored x: Change(sources, x.SourceId, s => s with { IsDeleted = false }); break;

            case SegmentCoded x:
                codings[x.SegmentId] = new(x.SegmentId, x.SourceId, x.CodeId, x.Start, x.End, x.Quote, x.Memo, x.Importance, x.Coder);
                break;
            case SegmentUncoded x: codings.Remove(x.SegmentId); break;
            case SegmentMemoChanged x: Change(codings, x.SegmentId, s => s with { Memo = x.Memo }); break;
            case SegmentImportanceSet x: Change(codings, x.SegmentId, s => s with { Importance = x.Importance }); break;
            case SegmentResized x: Change(codings, x.SegmentId, s => s with { Start = x.Start, End = x.End, Quote = x.Quote }); break;
            case SegmentRecoded x: Change(codings, x.SegmentId, s => s with { CodeId = x.CodeId }); break;
        }
    }

    private static void Change<T>(Dictionary<Guid, T> items, Guid id, Func<T, T> change)
    {
        if (items.TryGetValue(id, out var item))
        {
            items[id] = change(item);
        }
    }

    /// <summary>As the codebook does it: the category's codes and child categories move up to its parent.</summary>
    private void DeleteCategory(Guid categoryId)
    {
        if (!categories.Remove(categoryId, out var deleted))
        {
            return;
        }

        foreach (var child in categories.Values.Where(c => c.ParentId == categoryId).ToList())
        {
            categories[child.Id] = child with { ParentId = deleted.ParentId };
        }

        foreach (var code in codes.Values.Where(c => c.CategoryId == categoryId).ToList())
        {
            codes[code.Id] = code with { CategoryId = deleted.ParentId };
        }
    }

    /// <summary>A deleted source's codings go with it (their rows are deleted); a restore brings them back one by one.</summary>
    private void DeleteSource(Guid sourceId)
    {
        Change(sources, sourceId, s => s with { IsDeleted = true });
        foreach (var coding in codings.Values.Where(c => c.SourceId == sourceId).ToList())
        {
            codings.Remove(coding.Id);
        }
    }
}
