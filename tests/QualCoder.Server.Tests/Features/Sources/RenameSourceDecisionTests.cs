using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Sources.GivenSources;

namespace QualCoder.Server.Tests.Features.Sources;

public class RenameSourceDecisionTests
{
    private static Decision Decide(Project? project, Source? source, Actor actor, string name, params string[] sameNames) =>
        RenameSourceHandler.Decide(project, source, sameNames, new RenameSource(ProjectId, SourceId, name, null, actor), Now);

    [Fact]
    public void an_editor_renames_a_source_to_the_trimmed_name() =>
        Accepted(Decide(Team(), TheInterview(), Editor, " Interview 1b "), new SourceRenamed(ProjectId, SourceId, "Interview 1b", Editor, Now));

    [Fact]
    public void renaming_to_the_same_name_appends_nothing() => AcceptedWithoutEvents(Decide(Team(), TheInterview(), Owner, $" {SourceName} "));

    [Fact]
    public void a_change_of_case_is_a_rename() =>
        Accepted(Decide(Team(), TheInterview(), Editor, "INTERVIEW 1"), new SourceRenamed(ProjectId, SourceId, "INTERVIEW 1", Editor, Now));

    [Fact]
    public void a_name_another_source_has_in_any_case_is_a_conflict() =>
        Refused(Decide(Team(), TheInterview(), Editor, "Focus group", "FOCUS GROUP"), "SOURCE_NOT_RENAMED/DUPLICATE_NAME", ErrorKind.Conflict);

    [Theory]
    [InlineData("", "SOURCE_NOT_RENAMED/EMPTY_NAME")]
    [InlineData("  ", "SOURCE_NOT_RENAMED/EMPTY_NAME")]
    public void an_empty_name_is_refused(string name, string code) => Refused(Decide(Team(), TheInterview(), Editor, name), code, ErrorKind.Invalid);

    [Fact]
    public void a_name_over_255_characters_is_refused() =>
        Refused(Decide(Team(), TheInterview(), Editor, new string('n', 256)), "SOURCE_NOT_RENAMED/NAME_TOO_LONG", ErrorKind.Invalid);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_rename(ProjectRole role) =>
        Refused(Decide(Team(), TheInterview(), MemberWith(role), "X"), "SOURCE_NOT_RENAMED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), TheInterview(), Outsider, "X"), "SOURCE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_source_of_another_project_a_deleted_one_and_a_missing_one_are_not_found()
    {
        Refused(Decide(Team(), InterviewInAnotherProject(), Editor, "X"), "SOURCE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), DeletedInterview(), Editor, "X"), "SOURCE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), null, Editor, "X"), "SOURCE_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);
    }
}
