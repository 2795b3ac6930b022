using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Folders.GivenFolders;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Folders;

public class CreateFolderDecisionTests
{
    private static Decision Decide(Project? project, FolderTree? tree, Actor actor, string name, Guid? parentId = null) =>
        CreateFolderHandler.Decide(project, tree, new CreateFolder(ProjectId, NewFolder, name, parentId, actor), Now);

    [Fact]
    public void the_first_folder_of_a_project_starts_its_tree() =>
        Accepted(Decide(Team(), null, Editor, " Fieldwork "), new FolderCreated(ProjectId, NewFolder, "Fieldwork", null, Editor, Now));

    [Fact]
    public void a_folder_is_made_inside_another() =>
        Accepted(Decide(Team(), Tree(), Owner, "Day shift", WardA), new FolderCreated(ProjectId, NewFolder, "Day shift", WardA, Owner, Now));

    [Fact]
    public void a_sibling_with_the_same_name_in_any_case_is_a_conflict()
    {
        Refused(Decide(Team(), Tree(), Editor, "WARD a", Fieldwork), "FOLDER_NOT_CREATED/DUPLICATE_NAME", ErrorKind.Conflict);
        Refused(Decide(Team(), Tree(), Editor, "memos"), "FOLDER_NOT_CREATED/DUPLICATE_NAME", ErrorKind.Conflict);
    }

    [Fact]
    public void the_same_name_under_another_parent_is_fine()
    {
        Assert.True(Decide(Team(), Tree(), Editor, "Ward A").IsAccepted);
        Assert.True(Decide(Team(), Tree(), Editor, "Memos", WardB).IsAccepted);
    }

    [Theory]
    [InlineData("Ward A/B")]
    [InlineData("Ward A\\B")]
    [InlineData("/")]
    public void a_name_with_a_slash_is_refused(string name) =>
        Refused(Decide(Team(), Tree(), Editor, name), "FOLDER_NOT_CREATED/INVALID_NAME", ErrorKind.Invalid);

    [Fact]
    public void an_empty_or_overlong_name_is_refused()
    {
        Refused(Decide(Team(), Tree(), Editor, "  "), "FOLDER_NOT_CREATED/EMPTY_NAME", ErrorKind.Invalid);
        Refused(Decide(Team(), Tree(), Editor, new string('f', 256)), "FOLDER_NOT_CREATED/NAME_TOO_LONG", ErrorKind.Invalid);
    }

    [Fact]
    public void an_unknown_parent_is_not_found()
    {
        Refused(Decide(Team(), Tree(), Editor, "X", Unknown), "FOLDER_NOT_CREATED/PARENT_NOT_FOUND", ErrorKind.Invalid);
        Refused(Decide(Team(), null, Editor, "X", WardA), "FOLDER_NOT_CREATED/PARENT_NOT_FOUND", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_create_folders(ProjectRole role) =>
        Refused(Decide(Team(), Tree(), MemberWith(role), "X"), "FOLDER_NOT_CREATED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Team(), Tree(), Outsider, "X"), "FOLDER_NOT_CREATED/NOT_FOUND", ErrorKind.NotFound);
}
