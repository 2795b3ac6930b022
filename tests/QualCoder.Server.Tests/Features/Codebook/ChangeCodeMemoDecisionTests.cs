using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class ChangeCodeMemoDecisionTests
{
    private static readonly object JoyHasAMemo = new CodeMemoChanged(ProjectId, Joy, "Laughter, relief.", Editor, Earlier);

    private static Decision Decide(Actor actor, Guid codeId, string? memo, params object[] later) =>
        ChangeCodeMemoHandler.Decide(Team(), Sample(later), new ChangeCodeMemo(ProjectId, codeId, memo, null, actor), Now);

    [Fact]
    public void an_editor_writes_a_trimmed_memo() =>
        Accepted(Decide(Editor, Joy, "  Use for laughter and relief.\n\n"), new CodeMemoChanged(ProjectId, Joy, "Use for laughter and relief.", Editor, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void null_or_blank_clears_the_memo(string? memo) =>
        Accepted(Decide(Owner, Joy, memo, JoyHasAMemo), new CodeMemoChanged(ProjectId, Joy, "", Owner, Now));

    [Fact]
    public void the_same_memo_appends_nothing() => AcceptedWithoutEvents(Decide(Editor, Joy, "Laughter, relief. ", JoyHasAMemo));

    [Fact]
    public void clearing_an_empty_memo_appends_nothing() => AcceptedWithoutEvents(Decide(Editor, Joy, null));

    [Fact]
    public void a_memo_over_10000_characters_is_refused() =>
        Refused(Decide(Editor, Joy, new string('m', 10_001)), "CODE_MEMO_NOT_CHANGED/MEMO_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void a_memo_of_10000_emoji_is_accepted() => Assert.True(Decide(Editor, Joy, string.Concat(Enumerable.Repeat("📝", 10_000))).IsAccepted);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_change_a_code_memo(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Joy, "x"), "CODE_MEMO_NOT_CHANGED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Joy, "x"), "CODE_MEMO_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void an_unknown_code_is_not_found() => Refused(Decide(Editor, Unknown, "x"), "CODE_MEMO_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
}
