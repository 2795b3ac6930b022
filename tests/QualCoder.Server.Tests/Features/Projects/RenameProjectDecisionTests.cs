using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Projects;

public class RenameProjectDecisionTests
{
    private static Decision Decide(Project? project, Actor actor, string name) =>
        RenameProjectHandler.Decide(project, new RenameProject(ProjectId, name, null, actor), Now);

    [Fact]
    public void an_owner_renames_the_project_to_the_trimmed_name() =>
        Accepted(Decide(Team(), Owner, "  Interviews 2025 "), new ProjectRenamed(ProjectId, "Interviews 2025", Owner, Now));

    [Fact]
    public void a_second_owner_may_rename_the_project() =>
        Accepted(Decide(TeamWithTwoOwners(), SecondOwner, "Pilot"), new ProjectRenamed(ProjectId, "Pilot", SecondOwner, Now));

    [Fact]
    public void renaming_to_the_same_name_appends_nothing() => AcceptedWithoutEvents(Decide(Team(), Owner, $"  {ProjectName}  "));

    [Fact]
    public void renaming_to_the_same_name_in_other_case_is_a_rename() =>
        Accepted(Decide(Team(), Owner, ProjectName.ToUpperInvariant()), new ProjectRenamed(ProjectId, "INTERVIEWS 2024", Owner, Now));

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_owner_cannot_rename_the_project(ProjectRole role) =>
        Refused(Decide(Team(), MemberWith(role), "Pilot"), "PROJECT_NOT_RENAMED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Outsider, "Pilot"), "PROJECT_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found_even_for_its_owner() =>
        Refused(Decide(DeletedTeam(), Owner, "Pilot"), "PROJECT_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Refused(Decide(null, Owner, "Pilot"), "PROJECT_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void access_is_checked_before_the_name() =>
        Refused(Decide(Team(), Outsider, "  "), "PROJECT_NOT_RENAMED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_whitespace_only_name_is_refused_as_empty() =>
        Refused(Decide(Team(), Owner, " \t "), "PROJECT_NOT_RENAMED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_100_emoji_is_accepted() =>
        Assert.True(Decide(Team(), Owner, string.Concat(Enumerable.Repeat("🧪", 100))).IsAccepted);

    [Fact]
    public void a_name_of_101_characters_is_refused() =>
        Refused(Decide(Team(), Owner, new string('p', 101)), "PROJECT_NOT_RENAMED/NAME_TOO_LONG", ErrorKind.Invalid);
}
