using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Folders.GivenFolders;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Folders;

public class RenameFolderDecisionTests
{
    private static Decision Decide(Project? project, FolderTree? tree, Actor actor, Guid folderId, string name) =>
        RenameFolderHandler.Decide(project, tree, new RenameFolder(ProjectId, folderId, name, null, actor), Now);

    [Fact]
    public void an_editor_renames_a_folder() =>
        Accepted(Decide(Team(), Tree(), Editor, WardA, " Ward A (north) "), new FolderRenamed(ProjectId, WardA, "Ward A (north)", Editor, Now));

    [Fact]
    public void the_same_name_appends_nothing_and_a_change_of_case_is_a_rename()
    {
        AcceptedWithoutEvents(Decide(Team(), Tree(), Editor, WardA, "Ward A"));
        Accepted(Decide(Team(), Tree(), Editor, WardA, "WARD A"), new FolderRenamed(ProjectId, WardA, "WARD A", Editor, Now));
    }

    [Fact]
    public void a_siblings_name_is_a_conflict_but_a_cousins_is_not()
    {
        Refused(Decide(Team(), Tree(), Editor, WardA, "ward b"), "FOLDER_NOT_RENAMED/DUPLICATE_NAME", ErrorKind.Conflict);
        Assert.True(Decide(Team(), Tree(), Editor, NightShift, "Ward B").IsAccepted);
    }

    [Fact]
    public void a_name_with_a_slash_or_nothing_in_it_is_refused()
    {
        Refused(Decide(Team(), Tree(), Editor, WardA, "A/B"), "FOLDER_NOT_RENAMED/INVALID_NAME", ErrorKind.Invalid);
        Refused(Decide(Team(), Tree(), Editor, WardA, ""), "FOLDER_NOT_RENAMED/EMPTY_NAME", ErrorKind.Invalid);
        Refused(Decide(Team(), Tree(), Editor, WardA, new string('f', 256)), "FOLDER_NOT_RENAMED/NAME_TOO_LONG", ErrorKind.Invalid);
    }

    [Fact]
    public void an_unknown_folder_is_not_found()
    {
        Refused(Decide(Team(), Tree(), Editor, Unknown, "X"), "FOLDER_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), null, Editor, WardA, "X"), "FOLDER_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);
    }

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_rename(ProjectRole role) =>
        Refused(Decide(Team(), Tree(), MemberWith(role), WardA, "X"), "FOLDER_NOT_RENAMED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Tree(), Outsider, WardA, "X"), "FOLDER_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);
}
