using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class RenameCategoryDecisionTests
{
    private static Decision Decide(Actor actor, Guid categoryId, string name) =>
        RenameCategoryHandler.Decide(Team(), Sample(), new RenameCategory(ProjectId, categoryId, name, null, actor), Now);

    [Fact]
    public void an_editor_renames_a_category_to_the_trimmed_name() =>
        Accepted(Decide(Editor, Positive, " Uplifting "), new CategoryRenamed(ProjectId, Positive, "Uplifting", Editor, Now));

    [Fact]
    public void the_same_name_appends_nothing() => AcceptedWithoutEvents(Decide(Owner, Positive, "Positive"));

    [Fact]
    public void changing_only_the_case_is_a_rename() =>
        Accepted(Decide(Owner, Positive, "positive"), new CategoryRenamed(ProjectId, Positive, "positive", Owner, Now));

    [Fact]
    public void the_name_of_another_category_in_any_case_is_a_duplicate() =>
        Refused(Decide(Editor, Positive, "FEELINGS"), "CATEGORY_NOT_RENAMED/DUPLICATE_NAME", ErrorKind.Conflict);

    [Fact]
    public void an_empty_name_is_refused() => Refused(Decide(Editor, Positive, " "), "CATEGORY_NOT_RENAMED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_101_characters_is_too_long() =>
        Refused(Decide(Editor, Positive, new string('c', 101)), "CATEGORY_NOT_RENAMED/NAME_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void an_unknown_category_is_not_found() => Refused(Decide(Editor, Unknown, "X"), "CATEGORY_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_code_is_not_a_category() => Refused(Decide(Editor, Joy, "X"), "CATEGORY_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_rename_categories(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Positive, "X"), "CATEGORY_NOT_RENAMED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Positive, "X"), "CATEGORY_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);
}
