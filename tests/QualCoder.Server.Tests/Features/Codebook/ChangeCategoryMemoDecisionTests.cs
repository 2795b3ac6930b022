using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class ChangeCategoryMemoDecisionTests
{
    private static Decision Decide(Actor actor, Guid categoryId, string? memo, params object[] later) =>
        ChangeCategoryMemoHandler.Decide(Team(), Sample(later), new ChangeCategoryMemo(ProjectId, categoryId, memo, null, actor), Now);

    [Fact]
    public void an_editor_writes_a_trimmed_memo() =>
        Accepted(Decide(Editor, Feelings, " Emotions named by staff. "), new CategoryMemoChanged(ProjectId, Feelings, "Emotions named by staff.", Editor, Now));

    [Fact]
    public void null_clears_the_memo() => Accepted(
        Decide(Owner, Feelings, null, new CategoryMemoChanged(ProjectId, Feelings, "Old", Editor, Earlier)),
        new CategoryMemoChanged(ProjectId, Feelings, "", Owner, Now));

    [Fact]
    public void the_same_memo_appends_nothing() => AcceptedWithoutEvents(Decide(Editor, Feelings, ""));

    [Fact]
    public void a_memo_over_10000_characters_is_refused() =>
        Refused(Decide(Editor, Feelings, new string('m', 10_001)), "CATEGORY_MEMO_NOT_CHANGED/MEMO_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void an_unknown_category_is_not_found() => Refused(Decide(Editor, Unknown, "x"), "CATEGORY_MEMO_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_change_a_category_memo(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Feelings, "x"), "CATEGORY_MEMO_NOT_CHANGED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Feelings, "x"), "CATEGORY_MEMO_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
}
