using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Folders.GivenFolders;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Sources.GivenSources;

namespace QualCoder.Server.Tests.Features.Sources;

public class MoveSourceToFolderDecisionTests
{
    private static Decision Decide(Project? project, Source? source, FolderTree? folders, Actor actor, Guid? folderId) =>
        MoveSourceToFolderHandler.Decide(project, source, folders, new MoveSourceToFolder(ProjectId, SourceId, folderId, null, actor), Now);

    [Fact]
    public void an_editor_moves_a_source_into_a_folder() =>
        Accepted(Decide(Team(), TheInterview(), Tree(), Editor, NightShift), new SourceMovedToFolder(ProjectId, SourceId, NightShift, Editor, Now));

    [Fact]
    public void a_source_moves_back_to_the_root() =>
        Accepted(
            Decide(Team(), FoldSource(Added(folderId: WardA)), Tree(), Owner, null),
            new SourceMovedToFolder(ProjectId, SourceId, null, Owner, Now));

    [Fact]
    public void moving_to_where_it_is_appends_nothing()
    {
        AcceptedWithoutEvents(Decide(Team(), TheInterview(), Tree(), Editor, null));
        AcceptedWithoutEvents(Decide(Team(), FoldSource(Added(folderId: WardA)), Tree(), Editor, WardA));
    }

    [Fact]
    public void an_unknown_folder_is_not_found()
    {
        Refused(Decide(Team(), TheInterview(), Tree(), Editor, Unknown), "SOURCE_NOT_MOVED/FOLDER_NOT_FOUND", ErrorKind.Invalid);
        Refused(Decide(Team(), TheInterview(), null, Editor, WardA), "SOURCE_NOT_MOVED/FOLDER_NOT_FOUND", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_move_it(ProjectRole role) =>
        Refused(Decide(Team(), TheInterview(), Tree(), MemberWith(role), WardA), "SOURCE_NOT_MOVED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void an_outsider_and_a_source_of_another_project_are_not_found()
    {
        Refused(Decide(Team(), TheInterview(), Tree(), Outsider, WardA), "SOURCE_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), InterviewInAnotherProject(), Tree(), Editor, WardA), "SOURCE_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);
    }
}
