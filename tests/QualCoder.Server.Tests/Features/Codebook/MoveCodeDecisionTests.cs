using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class MoveCodeDecisionTests
{
    private static Decision Decide(Actor actor, Guid codeId, Guid? categoryId) =>
        MoveCodeHandler.Decide(Team(), Sample(), new MoveCode(ProjectId, codeId, categoryId, null, actor), Now);

    [Fact]
    public void an_editor_moves_a_code_into_a_category() =>
        Accepted(Decide(Editor, Anger, Positive), new CodeMoved(ProjectId, Anger, Positive, Editor, Now));

    [Fact]
    public void an_owner_moves_a_code_out_of_every_category() =>
        Accepted(Decide(Owner, Joy, null), new CodeMoved(ProjectId, Joy, null, Owner, Now));

    [Fact]
    public void moving_a_code_where_it_already_is_appends_nothing()
    {
        AcceptedWithoutEvents(Decide(Editor, Joy, Positive));
        AcceptedWithoutEvents(Decide(Editor, Anger, null));
    }

    [Fact]
    public void an_unknown_category_is_refused() =>
        Refused(Decide(Editor, Joy, Unknown), "CODE_NOT_MOVED/CATEGORY_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void a_code_is_not_a_category() =>
        Refused(Decide(Editor, Joy, Anger), "CODE_NOT_MOVED/CATEGORY_NOT_FOUND", ErrorKind.Invalid);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_move_codes(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Joy, null), "CODE_NOT_MOVED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Joy, null), "CODE_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void an_unknown_code_is_not_found() => Refused(Decide(Editor, Unknown, null), "CODE_NOT_MOVED/NOT_FOUND", ErrorKind.NotFound);
}
