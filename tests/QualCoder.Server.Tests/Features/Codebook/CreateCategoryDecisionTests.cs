using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

namespace QualCoder.Server.Tests.Features.Codebook;

public class CreateCategoryDecisionTests
{
    private static readonly Guid NewCategory = Guid.Parse("0197a000-0000-7000-8000-0000000000f2");

    private static Decision Decide(CodebookState? codebook, Actor actor, string name, Guid? parentId = null, string? memo = null) =>
        CreateCategoryHandler.Decide(Team(), codebook, new CreateCategory(ProjectId, NewCategory, name, parentId, memo, null, actor), Now);

    [Fact]
    public void an_editor_creates_the_first_category_of_a_project_at_the_top() =>
        Accepted(Decide(null, Editor, " Work "), new CategoryCreated(ProjectId, NewCategory, "Work", null, "", Editor, Now));

    [Fact]
    public void an_owner_creates_a_category_deep_inside_another_with_a_memo() =>
        Accepted(
            Decide(Sample(), Owner, "Calm", Positive, " Quiet moments. "),
            new CategoryCreated(ProjectId, NewCategory, "Calm", Positive, "Quiet moments.", Owner, Now));

    [Theory]
    [InlineData("feelings")]
    [InlineData("POSITIVE")]
    public void a_name_another_category_has_in_any_case_is_a_duplicate_at_any_level(string name) =>
        Refused(Decide(Sample(), Editor, name, Feelings), "CATEGORY_NOT_CREATED/DUPLICATE_NAME", ErrorKind.Conflict);

    [Fact]
    public void a_category_may_share_its_name_with_a_code() => Assert.True(Decide(Sample(), Editor, "Joy").IsAccepted);

    [Fact]
    public void an_unknown_parent_is_refused() =>
        Refused(Decide(Sample(), Editor, "Calm", Unknown), "CATEGORY_NOT_CREATED/PARENT_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void a_code_is_no_parent() =>
        Refused(Decide(Sample(), Editor, "Calm", Joy), "CATEGORY_NOT_CREATED/PARENT_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void an_empty_name_is_refused() => Refused(Decide(Sample(), Editor, ""), "CATEGORY_NOT_CREATED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_101_characters_is_too_long() =>
        Refused(Decide(Sample(), Editor, new string('c', 101)), "CATEGORY_NOT_CREATED/NAME_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void a_memo_over_10000_characters_is_refused() =>
        Refused(Decide(Sample(), Editor, "Calm", memo: new string('m', 10_001)), "CATEGORY_NOT_CREATED/MEMO_TOO_LONG", ErrorKind.Invalid);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_create_categories(ProjectRole role) =>
        Refused(Decide(Sample(), MemberWith(role), "Calm"), "CATEGORY_NOT_CREATED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Sample(), Outsider, "Calm"), "CATEGORY_NOT_CREATED/NOT_FOUND", ErrorKind.NotFound);
}
