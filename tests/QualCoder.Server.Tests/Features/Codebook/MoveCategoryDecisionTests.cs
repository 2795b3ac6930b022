using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class MoveCategoryDecisionTests
{
    private static readonly Guid Work = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");
    private static readonly Guid Calm = Guid.Parse("0197a000-0000-7000-8000-0000000000c4");

    /// <summary>The sample codebook plus Work at the top and Calm inside Positive (Feelings > Positive > Calm).</summary>
    private static Decision Decide(Actor actor, Guid categoryId, Guid? parentId) => MoveCategoryHandler.Decide(
        Team(),
        Sample(CategoryWasCreated(Work, "Work"), CategoryWasCreated(Calm, "Calm", Positive)),
        new MoveCategory(ProjectId, categoryId, parentId, null, actor),
        Now);

    [Fact]
    public void an_editor_moves_a_category_under_another() =>
        Accepted(Decide(Editor, Positive, Work), new CategoryMoved(ProjectId, Positive, Work, Editor, Now));

    [Fact]
    public void an_owner_moves_a_deep_category_to_the_top() =>
        Accepted(Decide(Owner, Calm, null), new CategoryMoved(ProjectId, Calm, null, Owner, Now));

    [Fact]
    public void a_category_may_move_up_into_its_grandparent() =>
        Accepted(Decide(Editor, Calm, Feelings), new CategoryMoved(ProjectId, Calm, Feelings, Editor, Now));

    [Fact]
    public void moving_a_category_where_it_already_is_appends_nothing()
    {
        AcceptedWithoutEvents(Decide(Editor, Positive, Feelings));
        AcceptedWithoutEvents(Decide(Editor, Feelings, null));
    }

    [Fact]
    public void a_category_cannot_move_under_itself() =>
        Refused(Decide(Editor, Positive, Positive), "CATEGORY_NOT_MOVED/CYCLE", ErrorKind.Invalid);

    [Fact]
    public void a_category_cannot_move_under_its_child() =>
        Refused(Decide(Editor, Positive, Calm), "CATEGORY_NOT_MOVED/CYCLE", ErrorKind.Invalid);

    [Fact]
    public void a_category_cannot_move_under_its_grandchild() =>
        Refused(Decide(Editor, Feelings, Calm), "CATEGORY_NOT_MOVED/CYCLE", ErrorKind.Invalid);

    [Fact]
    public void an_unknown_parent_is_refused() =>
        Refused(Decide(Editor, Positive, Unknown), "CATEGORY_NOT_MOVED/PARENT_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void an_unknown_category_is_not_found() => Refused(Decide(Editor, Unknown, null), "CATEGORY_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_move_categories(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Positive, Work), "CATEGORY_NOT_MOVED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Positive, Work), "CATEGORY_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);
}
