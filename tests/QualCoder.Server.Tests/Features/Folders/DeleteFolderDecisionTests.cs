using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Folders.GivenFolders;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Folders;

public class DeleteFolderDecisionTests
{
    private static Decision Decide(Project? project, FolderTree? tree, Actor actor, Guid folderId, int sources = 0) =>
        DeleteFolderHandler.Decide(project, tree, sources, new DeleteFolder(ProjectId, folderId, null, actor), Now);

    [Fact]
    public void an_empty_folder_is_deleted() =>
        Accepted(Decide(Team(), Tree(), Editor, NightShift), new FolderDeleted(ProjectId, NightShift, Editor, Now));

    [Fact]
    public void a_folder_with_subfolders_is_not_empty() =>
        Refused(Decide(Team(), Tree(), Editor, WardA), "FOLDER_NOT_DELETED/NOT_EMPTY", ErrorKind.Conflict);

    [Fact]
    public void a_folder_with_sources_is_not_empty()
    {
        var error = Refused(Decide(Team(), Tree(), Owner, MemosFolder, sources: 2), "FOLDER_NOT_DELETED/NOT_EMPTY", ErrorKind.Conflict);
        Assert.Contains("2 source(s)", error.Message);
    }

    [Fact]
    public void a_folder_whose_subfolder_moved_away_is_empty_again() =>
        Assert.True(Decide(Team(), Tree(new FolderMoved(ProjectId, NightShift, null, Editor, Earlier)), Editor, WardA).IsAccepted);

    [Fact]
    public void an_unknown_or_already_deleted_folder_is_not_found()
    {
        Refused(Decide(Team(), Tree(), Editor, Unknown), "FOLDER_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), Tree(new FolderDeleted(ProjectId, MemosFolder, Editor, Earlier)), Editor, MemosFolder), "FOLDER_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), null, Editor, MemosFolder), "FOLDER_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
    }

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_delete_folders(ProjectRole role) =>
        Refused(Decide(Team(), Tree(), MemberWith(role), MemosFolder), "FOLDER_NOT_DELETED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Tree(), Outsider, MemosFolder), "FOLDER_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
}
