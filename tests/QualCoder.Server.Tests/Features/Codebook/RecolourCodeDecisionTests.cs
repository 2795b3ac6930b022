using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class RecolourCodeDecisionTests
{
    private static Decision Decide(Actor actor, Guid codeId, string color) =>
        RecolourCodeHandler.Decide(Team(), Sample(), new RecolourCode(ProjectId, codeId, color, null, actor), Now);

    [Fact]
    public void an_editor_gives_a_code_another_colour_in_lower_case_long_form() =>
        Accepted(Decide(Editor, Joy, "#4363D8"), new CodeRecoloured(ProjectId, Joy, "#4363d8", Editor, Now));

    [Fact]
    public void the_short_form_is_expanded() =>
        Accepted(Decide(Owner, Anger, "#F00"), new CodeRecoloured(ProjectId, Anger, "#ff0000", Owner, Now));

    [Theory]
    [InlineData("#e6194b")]
    [InlineData("#E6194B")]
    public void the_same_colour_in_any_case_appends_nothing(string color) => AcceptedWithoutEvents(Decide(Editor, Joy, color));

    [Theory]
    [InlineData("blue")]
    [InlineData("#12345")]
    [InlineData("")]
    public void an_invalid_colour_is_refused(string color) =>
        Refused(Decide(Editor, Joy, color), "CODE_NOT_RECOLOURED/INVALID_COLOR", ErrorKind.Invalid);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_recolour_codes(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Joy, "#000"), "CODE_NOT_RECOLOURED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Joy, "#000"), "CODE_NOT_RECOLOURED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void an_unknown_code_is_not_found() => Refused(Decide(Editor, Unknown, "#000"), "CODE_NOT_RECOLOURED/NOT_FOUND", ErrorKind.NotFound);
}
