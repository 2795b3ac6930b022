using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Sources.GivenSources;

namespace QualCoder.Server.Tests.Features.Sources;

public class ChangeSourceMemoDecisionTests
{
    private static Decision Decide(Project? project, Source? source, Actor actor, string memo) =>
        ChangeSourceMemoHandler.Decide(project, source, new ChangeSourceMemo(ProjectId, SourceId, memo, null, actor), Now);

    [Fact]
    public void an_editor_changes_the_memo_trimmed() =>
        Accepted(Decide(Team(), TheInterview(), Editor, " Second pass\n"), new SourceMemoChanged(ProjectId, SourceId, "Second pass", Editor, Now));

    [Fact]
    public void an_empty_memo_clears_it() =>
        Accepted(Decide(Team(), TheInterview(), Owner, ""), new SourceMemoChanged(ProjectId, SourceId, "", Owner, Now));

    [Fact]
    public void the_same_memo_appends_nothing() => AcceptedWithoutEvents(Decide(Team(), TheInterview(), Editor, "First pass "));

    [Fact]
    public void a_memo_over_10000_code_points_is_refused() =>
        Refused(Decide(Team(), TheInterview(), Editor, string.Concat(Enumerable.Repeat("🎉", 10_001))), "SOURCE_MEMO_NOT_CHANGED/MEMO_TOO_LONG", ErrorKind.Invalid);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_change_it(ProjectRole role) =>
        Refused(Decide(Team(), TheInterview(), MemberWith(role), "x"), "SOURCE_MEMO_NOT_CHANGED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void an_outsider_and_a_source_of_another_project_are_not_found()
    {
        Refused(Decide(Team(), TheInterview(), Outsider, "x"), "SOURCE_MEMO_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), InterviewInAnotherProject(), Editor, "x"), "SOURCE_MEMO_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), DeletedInterview(), Editor, "x"), "SOURCE_MEMO_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
    }
}

public class ChangeSourceOriginDecisionTests
{
    private static Decision Decide(Project? project, Source? source, Actor actor, string origin) =>
        ChangeSourceOriginHandler.Decide(project, source, new ChangeSourceOrigin(ProjectId, SourceId, origin, null, actor), Now);

    [Fact]
    public void an_editor_changes_the_origin_trimmed() =>
        Accepted(Decide(Team(), TheInterview(), Editor, " Ward C "), new SourceOriginChanged(ProjectId, SourceId, "Ward C", Editor, Now));

    [Fact]
    public void the_same_origin_appends_nothing() => AcceptedWithoutEvents(Decide(Team(), TheInterview(), Editor, "Ward B, May"));

    [Fact]
    public void an_origin_over_1000_characters_is_refused()
    {
        Assert.True(Decide(Team(), TheInterview(), Editor, new string('o', 1000)).IsAccepted);
        Refused(Decide(Team(), TheInterview(), Editor, new string('o', 1001)), "SOURCE_ORIGIN_NOT_CHANGED/ORIGIN_TOO_LONG", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_change_it(ProjectRole role) =>
        Refused(Decide(Team(), TheInterview(), MemberWith(role), "x"), "SOURCE_ORIGIN_NOT_CHANGED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void an_outsider_and_a_missing_source_are_not_found()
    {
        Refused(Decide(Team(), TheInterview(), Outsider, "x"), "SOURCE_ORIGIN_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), null, Editor, "x"), "SOURCE_ORIGIN_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
    }
}
