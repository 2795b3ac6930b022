using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Folders.GivenFolders;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Folders;

public class MoveFolderDecisionTests
{
    private static Decision Decide(Project? project, FolderTree? tree, Actor actor, Guid folderId, Guid? parentId) =>
        MoveFolderHandler.Decide(project, tree, new MoveFolder(ProjectId, folderId, parentId, null, actor), Now);

    [Fact]
    public void an_editor_moves_a_folder_under_another() =>
        Accepted(Decide(Team(), Tree(), Editor, WardA, MemosFolder), new FolderMoved(ProjectId, WardA, MemosFolder, Editor, Now));

    [Fact]
    public void a_folder_moves_to_the_root() =>
        Accepted(Decide(Team(), Tree(), Owner, NightShift, null), new FolderMoved(ProjectId, NightShift, null, Owner, Now));

    [Fact]
    public void moving_to_where_it_is_appends_nothing()
    {
        AcceptedWithoutEvents(Decide(Team(), Tree(), Editor, WardA, Fieldwork));
        AcceptedWithoutEvents(Decide(Team(), Tree(), Editor, MemosFolder, null));
    }

    [Fact]
    public void a_folder_cannot_move_into_itself() =>
        Refused(Decide(Team(), Tree(), Editor, WardA, WardA), "FOLDER_NOT_MOVED/CYCLE", ErrorKind.Invalid);

    [Fact]
    public void a_folder_cannot_move_into_its_own_descendants()
    {
        Refused(Decide(Team(), Tree(), Editor, Fieldwork, WardA), "FOLDER_NOT_MOVED/CYCLE", ErrorKind.Invalid);
        Refused(Decide(Team(), Tree(), Editor, Fieldwork, NightShift), "FOLDER_NOT_MOVED/CYCLE", ErrorKind.Invalid);
    }

    [Fact]
    public void a_folder_may_move_into_a_cousin() => Assert.True(Decide(Team(), Tree(), Editor, WardB, NightShift).IsAccepted);

    [Fact]
    public void a_name_taken_at_the_destination_is_a_conflict() =>
        Refused(
            Decide(Team(), Tree(Created(NewFolder, "night SHIFT", null)), Editor, NewFolder, WardA),
            "FOLDER_NOT_MOVED/DUPLICATE_NAME", ErrorKind.Conflict);

    [Fact]
    public void an_unknown_folder_or_parent_is_not_found()
    {
        Refused(Decide(Team(), Tree(), Editor, Unknown, WardA), "FOLDER_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), Tree(), Editor, WardA, Unknown), "FOLDER_NOT_MOVED/PARENT_NOT_FOUND", ErrorKind.Invalid);
        Refused(Decide(Team(), null, Editor, WardA, null), "FOLDER_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);
    }

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_move_folders(ProjectRole role) =>
        Refused(Decide(Team(), Tree(), MemberWith(role), WardA, null), "FOLDER_NOT_MOVED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Tree(), Outsider, WardA, null), "FOLDER_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);
}
