using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

namespace QualCoder.Server.Tests.Features.Codebook;

public class CreateCodeDecisionTests
{
    private static readonly Guid NewCode = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");

    private static Decision Decide(
        CodebookState? codebook, Actor actor, string name, string color = "#abc", string? memo = null, Guid? categoryId = null, Project? project = null) =>
        CreateCodeHandler.Decide(project ?? Team(), codebook, new CreateCode(ProjectId, NewCode, name, color, memo, categoryId, null, actor), Now);

    [Fact]
    public void an_editor_creates_the_first_code_of_a_project_trimmed_with_its_colour_in_lower_case_long_form() =>
        Accepted(Decide(null, Editor, "  Tiredness ", "#ABC"), new CodeCreated(ProjectId, NewCode, "Tiredness", "#aabbcc", "", null, Editor, Now));

    [Fact]
    public void an_owner_creates_a_code_in_a_category_with_a_trimmed_memo() =>
        Accepted(
            Decide(Sample(), Owner, "Pride", "#3CB44B", "  When staff speak of the ward with pride.\n", Positive),
            new CodeCreated(ProjectId, NewCode, "Pride", "#3cb44b", "When staff speak of the ward with pride.", Positive, Owner, Now));

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_create_codes(ProjectRole role) =>
        Refused(Decide(Sample(), MemberWith(role), "Pride"), "CODE_NOT_CREATED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Sample(), Outsider, "Pride"), "CODE_NOT_CREATED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found() =>
        Refused(Decide(Sample(), Owner, "Pride", project: DeletedTeam()), "CODE_NOT_CREATED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Assert.Equal("CODE_NOT_CREATED/NOT_FOUND", CreateCodeHandler.Decide(null, null, new CreateCode(ProjectId, NewCode, "Pride", "#abc", null, null, null, Owner), Now).Error?.Code);

    [Fact]
    public void access_is_checked_before_the_input() =>
        Refused(Decide(Sample(), Coder, "", "red"), "CODE_NOT_CREATED/FORBIDDEN", ErrorKind.Forbidden);

    [Theory]
    [InlineData("joy")]
    [InlineData("JOY")]
    [InlineData(" Joy ")]
    public void a_name_another_code_has_in_any_case_is_a_duplicate(string name)
    {
        var error = Refused(Decide(Sample(), Editor, name), "CODE_NOT_CREATED/DUPLICATE_NAME", ErrorKind.Conflict);
        Assert.Contains("\"Joy\"", error.Message);
    }

    [Fact]
    public void a_code_may_share_its_name_with_a_category() => Assert.True(Decide(Sample(), Editor, "Feelings").IsAccepted);

    [Fact]
    public void an_empty_name_is_refused() => Refused(Decide(Sample(), Editor, " \t"), "CODE_NOT_CREATED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_100_emoji_is_accepted_and_101_characters_are_too_long()
    {
        Assert.True(Decide(Sample(), Editor, string.Concat(Enumerable.Repeat("🙂", 100))).IsAccepted);
        Refused(Decide(Sample(), Editor, new string('x', 101)), "CODE_NOT_CREATED/NAME_TOO_LONG", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData("#fff", "#ffffff")]
    [InlineData("#A1b2C3", "#a1b2c3")]
    [InlineData(" #09f ", "#0099ff")]
    public void a_colour_is_normalised_to_lower_case_rrggbb(string given, string stored) =>
        Assert.Equal(stored, Assert.IsType<CodeCreated>(Assert.Single(Decide(Sample(), Editor, "Pride", given).Events)).Color);

    [Theory]
    [InlineData("")]
    [InlineData("red")]
    [InlineData("fff")]
    [InlineData("#ff")]
    [InlineData("#ffff")]
    [InlineData("#fffffff")]
    [InlineData("#ggg")]
    [InlineData("#12345z")]
    [InlineData("# fff")]
    [InlineData("##fff")]
    public void anything_but_rgb_or_rrggbb_is_not_a_colour(string color) =>
        Refused(Decide(Sample(), Editor, "Pride", color), "CODE_NOT_CREATED/INVALID_COLOR", ErrorKind.Invalid);

    [Fact]
    public void a_memo_of_10000_characters_is_accepted_and_one_more_is_too_long()
    {
        Assert.True(Decide(Sample(), Editor, "Pride", memo: new string('m', 10_000)).IsAccepted);
        Refused(Decide(Sample(), Editor, "Pride", memo: new string('m', 10_001)), "CODE_NOT_CREATED/MEMO_TOO_LONG", ErrorKind.Invalid);
    }

    [Fact]
    public void an_unknown_category_is_refused() =>
        Refused(Decide(Sample(), Editor, "Pride", categoryId: Unknown), "CODE_NOT_CREATED/CATEGORY_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void a_category_is_unknown_in_a_project_without_a_codebook() =>
        Refused(Decide(null, Editor, "Pride", categoryId: Feelings), "CODE_NOT_CREATED/CATEGORY_NOT_FOUND", ErrorKind.Invalid);
}
