namespace QualCoder.Server.Features.Members;

/// <summary>Who belongs to a project, and in which role. Members live in the project's own stream.</summary>
public static class MembersModule
{
    public static RouteGroupBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/projects/{projectId:guid}/members").WithTags("Members");
        ListMembers.Map(members);
        AddMemberHandler.Map(members);
        ChangeMemberRoleHandler.Map(members);
        RemoveMemberHandler.Map(members);
        return members;
    }
}
