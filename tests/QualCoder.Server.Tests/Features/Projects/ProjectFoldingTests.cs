using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Projects;

public class ProjectFoldingTests
{
    [Fact]
    public void creating_makes_the_creator_the_only_owner()
    {
        var project = Project.Create(new ProjectCreated(ProjectId, "Interviews", "About nurses", Owner, Earlier));

        Assert.Equal((ProjectId, "Interviews", "About nurses", false), (project.Id, project.Name, project.Description, project.IsDeleted));
        Assert.Equal((Earlier, Earlier), (project.CreatedAt, project.UpdatedAt));
        Assert.Equal(new ProjectMember(Owner.AccountId, ProjectRole.Owner, Earlier), Assert.Single(project.Members));
        Assert.Equal(1, project.OwnerCount);
    }

    [Fact]
    public void renaming_changes_the_name_and_the_update_time()
    {
        var project = NewProject(new ProjectRenamed(ProjectId, "Interviews 2025", Owner, Now));

        Assert.Equal(("Interviews 2025", Earlier, Now), (project.Name, project.CreatedAt, project.UpdatedAt));
    }

    [Fact]
    public void describing_changes_the_description_and_the_update_time()
    {
        var project = NewProject(new ProjectDescribed(ProjectId, "", Owner, Now));

        Assert.Equal(("", Now), (project.Description, project.UpdatedAt));
    }

    [Fact]
    public void deleting_marks_the_project_deleted_and_keeps_its_members()
    {
        var project = Team(new ProjectDeleted(ProjectId, Owner, Now));

        Assert.True(project.IsDeleted);
        Assert.Equal(Now, project.UpdatedAt);
        Assert.Equal(4, project.Members.Count);
    }

    [Fact]
    public void adding_a_member_appends_them_with_their_role_since_then()
    {
        var project = NewProject(new MemberAdded(ProjectId, Coder.AccountId, ProjectRole.Coder, Owner, Now));

        Assert.Equal(
            [new ProjectMember(Owner.AccountId, ProjectRole.Owner, Earlier), new ProjectMember(Coder.AccountId, ProjectRole.Coder, Now)],
            project.Members);
        Assert.Equal(Now, project.UpdatedAt);
    }

    [Fact]
    public void changing_a_role_changes_only_that_member_and_keeps_their_since()
    {
        var project = Team(new MemberRoleChanged(ProjectId, Coder.AccountId, ProjectRole.Owner, Owner, Now));

        Assert.Equal(new ProjectMember(Coder.AccountId, ProjectRole.Owner, Earlier), project.MemberOf(Coder.AccountId));
        Assert.Equal(ProjectRole.Editor, project.MemberOf(Editor.AccountId)?.Role);
        Assert.Equal(2, project.OwnerCount);
        Assert.Equal(Now, project.UpdatedAt);
    }

    [Fact]
    public void removing_a_member_removes_only_them()
    {
        var project = Team(new MemberRemoved(ProjectId, Coder.AccountId, Owner, Now));

        Assert.Null(project.MemberOf(Coder.AccountId));
        Assert.Equal([Owner.AccountId, Editor.AccountId, Viewer.AccountId], project.Members.Select(m => m.AccountId));
        Assert.Equal(Now, project.UpdatedAt);
    }

    [Fact]
    public void an_outsider_is_no_member() => Assert.Null(Team().MemberOf(Outsider.AccountId));
}
