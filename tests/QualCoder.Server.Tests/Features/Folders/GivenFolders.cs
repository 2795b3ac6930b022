using QualCoder.Server.Features.Folders;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Folders;

/// <summary>
/// A project's folder tree, folded from its events:
/// Fieldwork / { Ward A / { Night shift }, Ward B }, and Memos at the root.
/// </summary>
public static class GivenFolders
{
    public static readonly Guid Fieldwork = Id(1);
    public static readonly Guid WardA = Id(2);
    public static readonly Guid WardB = Id(3);
    public static readonly Guid NightShift = Id(4);
    public static readonly Guid MemosFolder = Id(5);
    public static readonly Guid NewFolder = Id(9);
    public static readonly Guid Unknown = Id(99);

    public static FolderTree Tree(params object[] later) => FoldTree(
    [
        Created(Fieldwork, "Fieldwork", null),
        Created(WardA, "Ward A", Fieldwork),
        Created(WardB, "Ward B", Fieldwork),
        Created(NightShift, "Night shift", WardA),
        Created(MemosFolder, "Memos", null),
        .. later,
    ]);

    public static FolderCreated Created(Guid folderId, string name, Guid? parentId) => new(ProjectId, folderId, name, parentId, Editor, Earlier);

    public static FolderTree FoldTree(params object[] events)
    {
        var tree = new FolderTree();
        foreach (var e in events)
        {
            tree = e switch
            {
                FolderCreated x => tree.Apply(x),
                FolderRenamed x => tree.Apply(x),
                FolderMoved x => tree.Apply(x),
                FolderDeleted x => tree.Apply(x),
                _ => throw new ArgumentException($"A folder tree does not fold {e.GetType().Name}."),
            };
        }

        tree.Version = events.Length;
        return tree;
    }

    private static Guid Id(int n) => Guid.Parse($"0197a000-0000-7000-8000-0000000f{n:D4}");
}
