namespace QualCoder.Server.Features.History;

/// <summary>
/// The changes that lead from one <see cref="HistoryState"/> to another, in the project's terms. Pure: the states
/// say what is different; the merges between them (code id -> the code it was merged into) tell a merged code
/// from a deleted one.
/// </summary>
public static class HistoryDiff
{
    public static List<DiffChange> Changes(HistoryState a, HistoryState b, IReadOnlyDictionary<Guid, Guid> mergedInto)
    {
        var changes = new List<DiffChange>();
        Project(a, b, changes);
        Folders(a, b, changes);
        Categories(a, b, changes);
        Codes(a, b, mergedInto, changes);
        Sources(a, b, changes);
        Codings(a, b, changes);
        return changes;
    }

    private static void Project(HistoryState a, HistoryState b, List<DiffChange> changes)
    {
        if (a.ProjectName != b.ProjectName)
        {
            changes.Add(new("project", DiffKinds.Renamed, Guid.Empty, b.ProjectName, a.ProjectName, b.ProjectName, null, null));
        }

        Memo(changes, Guid.Empty, "Project description", a.ProjectDescription, b.ProjectDescription);
    }

    private static void Folders(HistoryState a, HistoryState b, List<DiffChange> changes) => Compare(
        a.Folders, b.Folders, changes, "folders", f => f.Name,
        (before, after) =>
        {
            Renamed(changes, "folders", after.Id, before.Name, after.Name);
            if (before.ParentId != after.ParentId)
            {
                changes.Add(new("folders", DiffKinds.Moved, after.Id, after.Name, FolderName(a, before.ParentId), FolderName(b, after.ParentId), null, null));
            }
        });

    private static void Categories(HistoryState a, HistoryState b, List<DiffChange> changes) => Compare(
        a.Categories, b.Categories, changes, "categories", c => c.Name,
        (before, after) =>
        {
            Renamed(changes, "categories", after.Id, before.Name, after.Name);
            if (before.ParentId != after.ParentId)
            {
                changes.Add(new("categories", DiffKinds.Moved, after.Id, after.Name, CategoryName(a, before.ParentId), CategoryName(b, after.ParentId), null, null));
            }

            Memo(changes, after.Id, $"Category {after.Name}", before.Memo, after.Memo);
        });

    private static void Codes(HistoryState a, HistoryState b, IReadOnlyDictionary<Guid, Guid> mergedInto, List<DiffChange> changes)
    {
        foreach (var code in a.Codes.Values.Where(c => !b.Codes.ContainsKey(c.Id)))
        {
            changes.Add(mergedInto.TryGetValue(code.Id, out var target)
                ? new("codes", DiffKinds.Merged, code.Id, code.Name, code.Name, null, $"merged into {CodeName(b, target) ?? CodeName(a, target)}", null)
                : new("codes", DiffKinds.Removed, code.Id, code.Name, code.Name, null, null, null));
        }

        foreach (var after in b.Codes.Values)
        {
            if (!a.Codes.TryGetValue(after.Id, out var before))
            {
                changes.Add(new("codes", DiffKinds.Added, after.Id, after.Name, null, after.Name, null, null));
                continue;
            }

            Renamed(changes, "codes", after.Id, before.Name, after.Name);
            if (before.Color != after.Color)
            {
                changes.Add(new("codes", DiffKinds.Recoloured, after.Id, after.Name, before.Color, after.Color, null, null));
            }

            if (before.CategoryId != after.CategoryId)
            {
                changes.Add(new("codes", DiffKinds.Moved, after.Id, after.Name, CategoryName(a, before.CategoryId), CategoryName(b, after.CategoryId), null, null));
            }

            Memo(changes, after.Id, $"Code {after.Name}", before.Memo, after.Memo);
        }
    }

    /// <summary>A deleted source counts as absent: deleting it removes it, restoring it adds it.</summary>
    private static void Sources(HistoryState a, HistoryState b, List<DiffChange> changes) => Compare(
        Live(a), Live(b), changes, "sources", s => s.Name,
        (before, after) =>
        {
            Renamed(changes, "sources", after.Id, before.Name, after.Name);
            if (before.FolderId != after.FolderId)
            {
                changes.Add(new("sources", DiffKinds.Moved, after.Id, after.Name, FolderName(a, before.FolderId), FolderName(b, after.FolderId), null, null));
            }

            if (before.Origin != after.Origin)
            {
                changes.Add(new("sources", DiffKinds.Changed, after.Id, after.Name, before.Origin, after.Origin, "origin", null));
            }

            Memo(changes, after.Id, $"Source {after.Name}", before.Memo, after.Memo);
        });

    private static void Codings(HistoryState a, HistoryState b, List<DiffChange> changes) => Compare(
        a.Codings, b.Codings, changes, "codings", c => CodingName(a.Codes.ContainsKey(c.CodeId) ? a : b, c),
        (before, after) =>
        {
            var name = CodingName(b, after);
            if (before.CodeId != after.CodeId)
            {
                changes.Add(new("codings", DiffKinds.Changed, after.Id, name, CodeName(a, before.CodeId), CodeName(b, after.CodeId), "recoded", null));
            }

            if (before.Start != after.Start || before.End != after.End)
            {
                changes.Add(new("codings", DiffKinds.Changed, after.Id, name, before.Quote, after.Quote, "resized", null));
            }

            if (before.Importance != after.Importance)
            {
                changes.Add(new("codings", DiffKinds.Changed, after.Id, name, $"{before.Importance}", $"{after.Importance}", "importance", null));
            }

            Memo(changes, after.Id, $"Coding {name}", before.Memo, after.Memo);
        },
        c => c.Quote);

    private static void Compare<T>(
        IReadOnlyDictionary<Guid, T> a,
        IReadOnlyDictionary<Guid, T> b,
        List<DiffChange> changes,
        string area,
        Func<T, string> name,
        Action<T, T> both,
        Func<T, string>? detail = null)
    {
        foreach (var (id, before) in a)
        {
            if (b.TryGetValue(id, out var after))
            {
                both(before, after);
            }
            else
            {
                changes.Add(new(area, DiffKinds.Removed, id, name(before), name(before), null, detail?.Invoke(before), null));
            }
        }

        foreach (var (id, after) in b.Where(e => !a.ContainsKey(e.Key)))
        {
            changes.Add(new(area, DiffKinds.Added, id, name(after), null, name(after), detail?.Invoke(after), null));
        }
    }

    private static void Renamed(List<DiffChange> changes, string area, Guid id, string before, string after)
    {
        if (before != after)
        {
            changes.Add(new(area, DiffKinds.Renamed, id, after, before, after, null, null));
        }
    }

    private static void Memo(List<DiffChange> changes, Guid id, string name, string before, string after)
    {
        if (before != after)
        {
            changes.Add(new("memos", DiffKinds.Changed, id, name, before, after, null, TextDiff.Of(before, after)));
        }
    }

    private static Dictionary<Guid, HistorySource> Live(HistoryState state) =>
        state.Sources.Values.Where(s => !s.IsDeleted).ToDictionary(s => s.Id);

    private static string CodingName(HistoryState state, HistoryCoding coding) =>
        $"{CodeName(state, coding.CodeId) ?? "?"} in {(state.Sources.TryGetValue(coding.SourceId, out var s) ? s.Name : "?")}";

    private static string? CodeName(HistoryState state, Guid id) => state.Codes.TryGetValue(id, out var c) ? c.Name : null;

    private static string? CategoryName(HistoryState state, Guid? id) =>
        id is { } known && state.Categories.TryGetValue(known, out var c) ? c.Name : null;

    private static string? FolderName(HistoryState state, Guid? id) =>
        id is { } known && state.Folders.TryGetValue(known, out var f) ? f.Name : null;
}
