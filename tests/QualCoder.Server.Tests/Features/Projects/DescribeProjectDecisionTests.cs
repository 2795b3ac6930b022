using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Projects;

public class DescribeProjectDecisionTests
{
    private static Decision Decide(Project? project, Actor actor, string? description) =>
        DescribeProjectHandler.Decide(project, new DescribeProject(ProjectId, description, null, actor), Now);

    [Fact]
    public void an_owner_describes_the_project_with_the_trimmed_text() =>
        Accepted(Decide(Team(), Owner, "  Follow-up interviews. \n"), new ProjectDescribed(ProjectId, "Follow-up interviews.", Owner, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void clearing_the_description_stores_an_empty_one(string? description) =>
        Accepted(Decide(Team(), Owner, description), new ProjectDescribed(ProjectId, "", Owner, Now));

    [Fact]
    public void describing_with_the_same_text_appends_nothing() => AcceptedWithoutEvents(Decide(Team(), Owner, $" {ProjectDescription} "));

    [Fact]
    public void clearing_an_empty_description_appends_nothing() =>
        AcceptedWithoutEvents(Decide(Team(new ProjectDescribed(ProjectId, "", Owner, Earlier)), Owner, null));

    [Fact]
    public void a_description_of_2000_characters_is_accepted_and_2001_refused()
    {
        Assert.True(Decide(Team(), Owner, new string('d', 2000)).IsAccepted);
        Refused(Decide(Team(), Owner, new string('d', 2001)), "PROJECT_NOT_DESCRIBED/DESCRIPTION_TOO_LONG", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_owner_cannot_describe_the_project(ProjectRole role) =>
        Refused(Decide(Team(), MemberWith(role), "New"), "PROJECT_NOT_DESCRIBED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Outsider, "New"), "PROJECT_NOT_DESCRIBED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found_even_for_its_owner() =>
        Refused(Decide(DeletedTeam(), Owner, "New"), "PROJECT_NOT_DESCRIBED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Refused(Decide(null, Owner, "New"), "PROJECT_NOT_DESCRIBED/NOT_FOUND", ErrorKind.NotFound);
}
