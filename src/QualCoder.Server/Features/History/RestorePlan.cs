using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.History;

/// <summary>One event of a restore and the stream it is appended to.</summary>
public sealed record PlannedEvent(Guid StreamId, object Event);

/// <summary>
/// The compensating events that turn the current state into the target one, as ordinary domain events (a deleted
/// code comes back as CodeCreated with its old id, a removed coding as SegmentCoded with its old id and coder).
/// Pure. The order is one the read models accept: folders and categories exist before anything moves into them,
/// sources are deleted before others take their names, codes exist before codings carry them, and codes,
/// categories and folders are deleted only once nothing points at them.
/// </summary>
public static class RestorePlan
{
    public static IReadOnlyList<PlannedEvent> Of(HistoryState current, HistoryState target, Guid projectId, Actor actor, DateTimeOffset now)
    {
        var plan = new List<PlannedEvent>();
        var codebook = ProjectStreams.CodebookOf(projectId);
        var folders = ProjectStreams.FoldersOf(projectId);
        void Add(Guid stream, object e) => plan.Add(new PlannedEvent(stream, e));

        if (current.ProjectName != target.ProjectName)
        {
            Add(projectId, new ProjectRenamed(projectId, target.ProjectName, actor, now));
        }

        if (current.ProjectDescription != target.ProjectDescription)
        {
            Add(projectId, new ProjectDescribed(projectId, target.ProjectDescription, actor, now));
        }

        foreach (var folder in ParentsFirst(target.Folders.Values, f => f.Id, f => f.ParentId))
        {
            if (!current.Folders.TryGetValue(folder.Id, out var now_))
            {
                Add(folders, new FolderCreated(projectId, folder.Id, folder.Name, folder.ParentId, actor, now));
                continue;
            }

            if (now_.Name != folder.Name)
            {
                Add(folders, new FolderRenamed(projectId, folder.Id, folder.Name, actor, now));
            }

            if (now_.ParentId != folder.ParentId)
            {
                Add(folders, new FolderMoved(projectId, folder.Id, folder.ParentId, actor, now));
            }
        }

        Sources(current, target, projectId, actor, now, Add);

        foreach (var category in ParentsFirst(target.Categories.Values, c => c.Id, c => c.ParentId))
        {
            if (!current.Categories.TryGetValue(category.Id, out var was))
            {
                Add(codebook, new CategoryCreated(projectId, category.Id, category.Name, category.ParentId, category.Memo, actor, now));
                continue;
            }

            if (was.Name != category.Name)
            {
                Add(codebook, new CategoryRenamed(projectId, category.Id, category.Name, actor, now));
            }

            if (was.ParentId != category.ParentId)
            {
                Add(codebook, new CategoryMoved(projectId, category.Id, category.ParentId, actor, now));
            }

            if (was.Memo != category.Memo)
            {
                Add(codebook, new CategoryMemoChanged(projectId, category.Id, category.Memo, actor, now));
            }
        }

        foreach (var code in target.Codes.Values)
        {
            if (!current.Codes.TryGetValue(code.Id, out var was))
            {
                Add(codebook, new CodeCreated(projectId, code.Id, code.Name, code.Color, code.Memo, code.CategoryId, actor, now));
                continue;
            }

            if (was.Name != code.Name)
            {
                Add(codebook, new CodeRenamed(projectId, code.Id, code.Name, actor, now));
            }

            if (was.Color != code.Color)
            {
                Add(codebook, new CodeRecoloured(projectId, code.Id, code.Color, actor, now));
            }

            if (was.Memo != code.Memo)
            {
                Add(codebook, new CodeMemoChanged(projectId, code.Id, code.Memo, actor, now));
            }

            if (was.CategoryId != code.CategoryId)
            {
                Add(codebook, new CodeMoved(projectId, code.Id, code.CategoryId, actor, now));
            }
        }

        Codings(current, target, projectId, actor, now, Add);

        foreach (var code in current.Codes.Values.Where(c => !target.Codes.ContainsKey(c.Id)))
        {
            Add(codebook, new CodeDeleted(projectId, code.Id, actor, now));
        }

        foreach (var category in ChildrenFirst(current.Categories.Values.Where(c => !target.Categories.ContainsKey(c.Id)), c => c.Id, c => c.ParentId))
        {
            Add(codebook, new CategoryDeleted(projectId, category.Id, actor, now));
        }

        foreach (var folder in ChildrenFirst(current.Folders.Values.Where(f => !target.Folders.ContainsKey(f.Id)), f => f.Id, f => f.ParentId))
        {
            Add(folders, new FolderDeleted(projectId, folder.Id, actor, now));
        }

        return plan;
    }

    /// <summary>
    /// Source names are unique among live sources at every statement, so deletions go first, then renames of the
    /// sources that stay, then the sources that come back.
    /// </summary>
    private static void Sources(HistoryState current, HistoryState target, Guid projectId, Actor actor, DateTimeOffset now, Action<Guid, object> add)
    {
        foreach (var source in current.Sources.Values.Where(s => !s.IsDeleted && !target.IsLive(s.Id)))
        {
            add(source.Id, new SourceDeleted(projectId, source.Id, current.Codings.Values.Count(c => c.SourceId == source.Id), actor, now));
        }

        var live = target.Sources.Values.Where(s => !s.IsDeleted && current.Sources.ContainsKey(s.Id)).ToList();
        foreach (var source in live.Where(s => !current.Sources[s.Id].IsDeleted).Concat(live.Where(s => current.Sources[s.Id].IsDeleted)))
        {
            var was = current.Sources[source.Id];
            if (was.IsDeleted)
            {
                add(source.Id, new SourceRestored(projectId, source.Id, actor, now));
            }

            if (was.Name != source.Name)
            {
                add(source.Id, new SourceRenamed(projectId, source.Id, source.Name, actor, now));
            }

            if (was.Memo != source.Memo)
            {
                add(source.Id, new SourceMemoChanged(projectId, source.Id, source.Memo, actor, now));
            }

            if (was.Origin != source.Origin)
            {
                add(source.Id, new SourceOriginChanged(projectId, source.Id, source.Origin, actor, now));
            }

            if (was.FolderId != source.FolderId)
            {
                add(source.Id, new SourceMovedToFolder(projectId, source.Id, source.FolderId, actor, now));
            }
        }
    }

    /// <summary>Codings of sources that are deleted by this restore went with them; the rest are compared one by one.</summary>
    private static void Codings(HistoryState current, HistoryState target, Guid projectId, Actor actor, DateTimeOffset now, Action<Guid, object> add)
    {
        foreach (var coding in current.Codings.Values.Where(c => !target.Codings.ContainsKey(c.Id) && target.IsLive(c.SourceId)))
        {
            add(coding.SourceId, new SegmentUncoded(projectId, coding.SourceId, coding.Id, actor, now));
        }

        foreach (var c in target.Codings.Values)
        {
            if (!current.Codings.TryGetValue(c.Id, out var was))
            {
                add(c.SourceId, new SegmentCoded(projectId, c.SourceId, c.Id, c.CodeId, c.Start, c.End, c.Quote, c.Memo, c.Importance, actor, now,
                    c.CoderId == actor.AccountId ? null : c.CoderId));
                continue;
            }

            if (was.CodeId != c.CodeId)
            {
                add(c.SourceId, new SegmentRecoded(projectId, c.SourceId, c.Id, c.CodeId, actor, now));
            }

            if (was.Start != c.Start || was.End != c.End)
            {
                add(c.SourceId, new SegmentResized(projectId, c.SourceId, c.Id, c.Start, c.End, c.Quote, actor, now));
            }

            if (was.Memo != c.Memo)
            {
                add(c.SourceId, new SegmentMemoChanged(projectId, c.SourceId, c.Id, c.Memo, actor, now));
            }

            if (was.Importance != c.Importance)
            {
                add(c.SourceId, new SegmentImportanceSet(projectId, c.SourceId, c.Id, c.Importance, actor, now));
            }
        }
    }

    private static List<T> ParentsFirst<T>(IEnumerable<T> items, Func<T, Guid> id, Func<T, Guid?> parent)
    {
        var all = items.ToList();
        var byId = all.ToDictionary(id);
        var ordered = new List<T>();
        var seen = new HashSet<Guid>();
        void Visit(T item)
        {
            if (!seen.Add(id(item)))
            {
                return;
            }

            if (parent(item) is { } p && byId.TryGetValue(p, out var up))
            {
                Visit(up);
            }

            ordered.Add(item);
        }

        all.ForEach(Visit);
        return ordered;
    }

    private static List<T> ChildrenFirst<T>(IEnumerable<T> items, Func<T, Guid> id, Func<T, Guid?> parent)
    {
        var ordered = ParentsFirst(items, id, parent);
        ordered.Reverse();
        return ordered;
    }
}
