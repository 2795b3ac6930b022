using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Projects;

public class ProjectAccessDecisionTests
{
    private static readonly ProjectRole[] Roles = Enum.GetValues<ProjectRole>();

    public static TheoryData<ProjectRole, ProjectRole> RoleAtLeastMinimum() => Pairs((role, minimum) => role >= minimum);

    public static TheoryData<ProjectRole, ProjectRole> RoleBelowMinimum() => Pairs((role, minimum) => role < minimum);

    private static TheoryData<ProjectRole, ProjectRole> Pairs(Func<ProjectRole, ProjectRole, bool> keep)
    {
        var data = new TheoryData<ProjectRole, ProjectRole>();
        foreach (var (role, minimum) in Roles.SelectMany(r => Roles, (r, m) => (r, m)).Where(p => keep(p.r, p.m)))
        {
            data.Add(role, minimum);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoleAtLeastMinimum))]
    public void a_member_whose_role_reaches_the_minimum_may_act(ProjectRole role, ProjectRole minimum) =>
        Assert.Null(ProjectAccess.Require(Team(), MemberWith(role), minimum, "THING"));

    [Theory]
    [MemberData(nameof(RoleBelowMinimum))]
    public void a_member_whose_role_is_below_the_minimum_is_forbidden(ProjectRole role, ProjectRole minimum)
    {
        var error = ProjectAccess.Require(Team(), MemberWith(role), minimum, "THING");

        Assert.NotNull(error);
        Assert.Equal(("THING/FORBIDDEN", ErrorKind.Forbidden), (error.Code, error.Kind));
        Assert.Contains($"needs the {minimum.ToString().ToLowerInvariant()} role", error.Message, StringComparison.Ordinal);
        Assert.Contains($"you are {role.ToString().ToLowerInvariant()}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("deleted")]
    [InlineData("someone else's")]
    public void a_missing_or_deleted_project_and_someone_elses_all_answer_the_same_not_found(string which)
    {
        Project? project = which switch
        {
            "missing" => null,
            "deleted" => DeletedTeam(),
            _ => Team(),
        };
        var actor = which == "someone else's" ? Outsider : Owner;

        var error = ProjectAccess.Require(project, actor, ProjectRole.Viewer, "THING");

        Assert.Equal(
            DomainError.NotFound("THING/NOT_FOUND", "There is no such project, or you are not a member of it."),
            error);
    }

    [Fact]
    public void roles_are_described_in_lower_case() =>
        Assert.Equal(["viewer", "coder", "editor", "owner"], Roles.Select(ProjectAccess.Describe));
}
