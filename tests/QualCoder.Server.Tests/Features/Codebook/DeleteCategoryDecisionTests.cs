using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class DeleteCategoryDecisionTests
{
    private static Decision Decide(Actor actor, Guid categoryId) =>
        DeleteCategoryHandler.Decide(Team(), Sample(), new DeleteCategory(ProjectId, categoryId, null, actor), Now);

    [Fact]
    public void an_editor_deletes_a_category_that_has_codes_and_subcategories() =>
        Accepted(Decide(Editor, Feelings), new CategoryDeleted(ProjectId, Feelings, Editor, Now));

    [Fact]
    public void an_unknown_category_is_not_found() => Refused(Decide(Editor, Unknown), "CATEGORY_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_delete_categories(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Positive), "CATEGORY_NOT_DELETED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Positive), "CATEGORY_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
}
