using QualCoder.Server.Domain;
using QualCoder.Server.Features.Members;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Members;

public class RemoveMemberDecisionTests
{
    private static Decision Decide(Project? project, Actor actor, Actor member) =>
        RemoveMemberHandler.Decide(project, new RemoveMember(ProjectId, member.AccountId, actor), Now);

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void an_owner_removes_a_member(ProjectRole role) =>
        Accepted(Decide(Team(), Owner, MemberWith(role)), new MemberRemoved(ProjectId, MemberWith(role).AccountId, Owner, Now));

    [Fact]
    public void an_owner_removes_another_owner() =>
        Accepted(Decide(TeamWithTwoOwners(), Owner, SecondOwner), new MemberRemoved(ProjectId, SecondOwner.AccountId, Owner, Now));

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_owner_can_leave(ProjectRole role)
    {
        var member = MemberWith(role);

        Accepted(Decide(Team(), member, member), new MemberRemoved(ProjectId, member.AccountId, member, Now));
    }

    [Fact]
    public void an_owner_can_leave_when_a_second_owner_exists() =>
        Accepted(Decide(TeamWithTwoOwners(), Owner, Owner), new MemberRemoved(ProjectId, Owner.AccountId, Owner, Now));

    [Fact]
    public void the_only_owner_cannot_leave()
    {
        var error = Refused(Decide(Team(), Owner, Owner), "MEMBER_NOT_REMOVED/LAST_OWNER", ErrorKind.Conflict);

        Assert.StartsWith("You are the project's only owner.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_only_owner_of_a_project_without_other_members_cannot_leave() =>
        Refused(Decide(NewProject(), Owner, Owner), "MEMBER_NOT_REMOVED/LAST_OWNER", ErrorKind.Conflict);

    [Theory]
    [InlineData(ProjectRole.Editor, ProjectRole.Coder)]
    [InlineData(ProjectRole.Editor, ProjectRole.Owner)]
    [InlineData(ProjectRole.Coder, ProjectRole.Viewer)]
    [InlineData(ProjectRole.Viewer, ProjectRole.Coder)]
    public void a_member_below_owner_cannot_remove_someone_else(ProjectRole actor, ProjectRole member) =>
        Refused(Decide(Team(), MemberWith(actor), MemberWith(member)), "MEMBER_NOT_REMOVED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void removing_a_non_member_is_not_found() =>
        Refused(Decide(Team(), Owner, Outsider), "MEMBER_NOT_REMOVED/NOT_MEMBER", ErrorKind.NotFound);

    [Fact]
    public void a_non_member_cannot_leave_a_project_they_are_not_in() =>
        Refused(Decide(Team(), Outsider, Outsider), "MEMBER_NOT_REMOVED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_non_member_cannot_remove_a_member() =>
        Refused(Decide(Team(), Outsider, Coder), "MEMBER_NOT_REMOVED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void nobody_can_leave_a_deleted_project() =>
        Refused(Decide(DeletedTeam(), Coder, Coder), "MEMBER_NOT_REMOVED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found_even_for_its_owner() =>
        Refused(Decide(DeletedTeam(), Owner, Coder), "MEMBER_NOT_REMOVED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Refused(Decide(null, Owner, Coder), "MEMBER_NOT_REMOVED/NOT_FOUND", ErrorKind.NotFound);
}
