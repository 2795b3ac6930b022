using QualCoder.Server.Features.Folders;
using static QualCoder.Server.Tests.Features.Folders.GivenFolders;

namespace QualCoder.Server.Tests.Features.Folders;

public class FolderListTests
{
    [Fact]
    public void a_project_without_folders_lists_none() => Assert.Equal((0, 0, 0), Shape(FolderList.Of(null)));

    [Fact]
    public void the_flat_list_and_the_tree_hold_every_folder_by_name()
    {
        var list = FolderList.Of(Tree());

        Assert.Equal(5, list.Version);
        Assert.Equal(["Fieldwork", "Memos", "Night shift", "Ward A", "Ward B"], list.Folders.Select(f => f.Name));
        Assert.Equal(WardA, list.Folders.Single(f => f.Id == NightShift).ParentId);
        Assert.Equal(["Fieldwork", "Memos"], list.Tree.Select(n => n.Name));
        var fieldwork = list.Tree[0];
        Assert.Equal(["Ward A", "Ward B"], fieldwork.Children.Select(n => n.Name));
        Assert.Equal(NightShift, Assert.Single(fieldwork.Children[0].Children).Id);
        Assert.Empty(list.Tree[1].Children);
    }

    private static (long, int, int) Shape(FolderList list) => (list.Version, list.Folders.Count, list.Tree.Count);
}
