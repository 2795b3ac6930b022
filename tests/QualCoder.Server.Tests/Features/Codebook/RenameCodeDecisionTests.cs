using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

namespace QualCoder.Server.Tests.Features.Codebook;

public class RenameCodeDecisionTests
{
    private static Decision Decide(CodebookState? codebook, Actor actor, Guid codeId, string name, Project? project = null) =>
        RenameCodeHandler.Decide(project ?? Team(), codebook, new RenameCode(ProjectId, codeId, name, null, actor), Now);

    [Fact]
    public void an_editor_renames_a_code_to_the_trimmed_name() =>
        Accepted(Decide(Sample(), Editor, Joy, "  Delight "), new CodeRenamed(ProjectId, Joy, "Delight", Editor, Now));

    [Fact]
    public void renaming_to_the_same_name_appends_nothing() => AcceptedWithoutEvents(Decide(Sample(), Owner, Joy, " Joy "));

    [Fact]
    public void changing_only_the_case_of_the_name_is_a_rename() =>
        Accepted(Decide(Sample(), Owner, Joy, "JOY"), new CodeRenamed(ProjectId, Joy, "JOY", Owner, Now));

    [Theory]
    [InlineData("anger")]
    [InlineData("FEAR")]
    public void the_name_of_another_code_in_any_case_is_a_duplicate(string name) =>
        Refused(Decide(Sample(), Editor, Joy, name), "CODE_NOT_RENAMED/DUPLICATE_NAME", ErrorKind.Conflict);

    [Fact]
    public void the_name_of_a_category_is_allowed() => Assert.True(Decide(Sample(), Editor, Joy, "Positive").IsAccepted);

    [Fact]
    public void a_name_freed_by_a_rename_can_be_taken() =>
        Assert.True(Decide(Sample(new CodeRenamed(ProjectId, Anger, "Rage", Editor, Earlier)), Editor, Joy, "anger").IsAccepted);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_rename_codes(ProjectRole role) =>
        Refused(Decide(Sample(), MemberWith(role), Joy, "Delight"), "CODE_NOT_RENAMED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Sample(), Outsider, Joy, "Delight"), "CODE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void an_unknown_code_is_not_found() =>
        Refused(Decide(Sample(), Editor, Unknown, "Delight"), "CODE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_project_without_a_codebook_has_no_code_to_rename() =>
        Refused(Decide(null, Editor, Joy, "Delight"), "CODE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_code_is_not_found() =>
        Refused(Decide(Sample(new CodeDeleted(ProjectId, Joy, Editor, Earlier)), Editor, Joy, "Delight"), "CODE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void an_empty_name_is_refused() => Refused(Decide(Sample(), Editor, Joy, "  "), "CODE_NOT_RENAMED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_101_characters_is_too_long() =>
        Refused(Decide(Sample(), Editor, Joy, new string('j', 101)), "CODE_NOT_RENAMED/NAME_TOO_LONG", ErrorKind.Invalid);
}
