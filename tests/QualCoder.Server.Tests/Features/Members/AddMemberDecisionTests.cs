using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Members;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Members;

public class AddMemberDecisionTests
{
    private static readonly Account Bea = AccountOf(Outsider, "bea@example.org", "Bea Outsider");

    private static Decision Decide(Project? project, Account? account, Actor actor, ProjectRole role = ProjectRole.Coder) =>
        AddMemberHandler.Decide(project, account, new AddMember(ProjectId, " Bea@Example.org ", role, actor), Now);

    [Theory]
    [InlineData(ProjectRole.Viewer)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Owner)]
    public void an_owner_adds_a_registered_account_with_any_role(ProjectRole role) =>
        Accepted(Decide(Team(), Bea, Owner, role), new MemberAdded(ProjectId, Outsider.AccountId, role, Owner, Now));

    [Fact]
    public void a_role_that_is_not_one_of_the_four_is_refused() =>
        Refused(Decide(Team(), Bea, Owner, (ProjectRole)7), "MEMBER_NOT_ADDED/INVALID_ROLE", ErrorKind.Invalid);

    [Fact]
    public void an_unregistered_email_is_refused() =>
        Refused(Decide(Team(), null, Owner), "MEMBER_NOT_ADDED/ACCOUNT_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void someone_already_a_member_is_a_conflict_naming_their_role()
    {
        var error = Refused(Decide(Team(), AccountOf(Editor, "ed@example.org", "Ed"), Owner), "MEMBER_NOT_ADDED/ALREADY_MEMBER", ErrorKind.Conflict);

        Assert.Contains("Ed is already a member, as editor", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_owner_cannot_add_members(ProjectRole role) =>
        Refused(Decide(Team(), Bea, MemberWith(role)), "MEMBER_NOT_ADDED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void access_is_checked_before_the_account() =>
        Refused(Decide(Team(), null, Editor), "MEMBER_NOT_ADDED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Bea, Outsider), "MEMBER_NOT_ADDED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found_even_for_its_owner() =>
        Refused(Decide(DeletedTeam(), Bea, Owner), "MEMBER_NOT_ADDED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Refused(Decide(null, Bea, Owner), "MEMBER_NOT_ADDED/NOT_FOUND", ErrorKind.NotFound);
}
