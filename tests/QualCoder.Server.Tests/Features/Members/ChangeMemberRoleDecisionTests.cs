using QualCoder.Server.Domain;
using QualCoder.Server.Features.Members;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Members;

public class ChangeMemberRoleDecisionTests
{
    private static Decision Decide(Project? project, Actor actor, Actor member, ProjectRole role) =>
        ChangeMemberRoleHandler.Decide(project, new ChangeMemberRole(ProjectId, member.AccountId, role, actor), Now);

    [Fact]
    public void a_role_that_is_not_one_of_the_four_is_refused() =>
        Refused(Decide(Team(), Owner, Editor, (ProjectRole)(-1)), "MEMBER_ROLE_NOT_CHANGED/INVALID_ROLE", ErrorKind.Invalid);

    [Fact]
    public void an_owner_changes_a_members_role() =>
        Accepted(Decide(Team(), Owner, Editor, ProjectRole.Coder), new MemberRoleChanged(ProjectId, Editor.AccountId, ProjectRole.Coder, Owner, Now));

    [Fact]
    public void an_owner_makes_a_viewer_an_owner() =>
        Accepted(Decide(Team(), Owner, Viewer, ProjectRole.Owner), new MemberRoleChanged(ProjectId, Viewer.AccountId, ProjectRole.Owner, Owner, Now));

    [Fact]
    public void giving_a_member_the_role_they_have_appends_nothing() => AcceptedWithoutEvents(Decide(Team(), Owner, Coder, ProjectRole.Coder));

    [Fact]
    public void the_only_owner_staying_owner_appends_nothing() => AcceptedWithoutEvents(Decide(Team(), Owner, Owner, ProjectRole.Owner));

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void the_only_owner_cannot_demote_themself(ProjectRole role) =>
        Refused(Decide(Team(), Owner, Owner, role), "MEMBER_ROLE_NOT_CHANGED/LAST_OWNER", ErrorKind.Conflict);

    [Fact]
    public void an_owner_can_demote_themself_when_a_second_owner_exists() => Accepted(
        Decide(TeamWithTwoOwners(), Owner, Owner, ProjectRole.Editor),
        new MemberRoleChanged(ProjectId, Owner.AccountId, ProjectRole.Editor, Owner, Now));

    [Fact]
    public void an_owner_can_demote_the_other_owner() => Accepted(
        Decide(TeamWithTwoOwners(), Owner, SecondOwner, ProjectRole.Viewer),
        new MemberRoleChanged(ProjectId, SecondOwner.AccountId, ProjectRole.Viewer, Owner, Now));

    [Fact]
    public void changing_the_role_of_a_non_member_is_not_found() =>
        Refused(Decide(Team(), Owner, Outsider, ProjectRole.Coder), "MEMBER_ROLE_NOT_CHANGED/NOT_MEMBER", ErrorKind.NotFound);

    [Theory]
    [InlineData(ProjectRole.Editor)]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_owner_cannot_change_roles(ProjectRole role) =>
        Refused(Decide(Team(), MemberWith(role), Viewer, ProjectRole.Coder), "MEMBER_ROLE_NOT_CHANGED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void an_editor_cannot_promote_themself() =>
        Refused(Decide(Team(), Editor, Editor, ProjectRole.Owner), "MEMBER_ROLE_NOT_CHANGED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Team(), Outsider, Coder, ProjectRole.Editor), "MEMBER_ROLE_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found_even_for_its_owner() =>
        Refused(Decide(DeletedTeam(), Owner, Coder, ProjectRole.Editor), "MEMBER_ROLE_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_project_is_not_found() =>
        Refused(Decide(null, Owner, Coder, ProjectRole.Editor), "MEMBER_ROLE_NOT_CHANGED/NOT_FOUND", ErrorKind.NotFound);
}
