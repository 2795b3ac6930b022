using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Projects;

public class DeleteProjectDecisionTests
{
    private static Decision Decide(Project? project, Actor actor, string? confirmName) =>
        DeleteProjectHandler.Decide(project, new DeleteProject(ProjectId, confirmName, actor), Now);

    [Fact]
    public void an_owner_deletes_the_project_by_confirming_its_name() =>
        Accepted(Decide(Team(), Owner, ProjectName), new ProjectDeleted(ProjectId, Owner, Now));

    [Fact]
    public void the_confirmation_is_trimmed() =>
        Accepted(Decide(Team(), Owner, $"  {ProjectName} "), new ProjectDeleted(ProjectId, Owner, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("interviews 2024")]
    [InlineData("Interviews")]
    public void deleting_without_the_exact_name_is_refused(string? confirmName)
    {
        var error = Refused(Decide(Team(), Owner, confirmName), "PROJECT_NOT_DELETED/CONFIRMATION_REQUIRED", ErrorKind.Invalid);

        Assert.Contains($"\"{ProjectName}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_owner_cannot_delete_the_project(ProjectRole role) =>
        Refused(Decide(Team(), MemberWith(role), ProjectName), "PROJECT_NOT_DELETED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Outsider, ProjectName), "PROJECT_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_cannot_be_deleted_again() =>
        Refused(Decide(DeletedTeam(), Owner, ProjectName), "PROJECT_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Refused(Decide(null, Owner, ProjectName), "PROJECT_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
}
