using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Members;

public sealed record ChangeMemberRole(Guid ProjectId, Guid AccountId, ProjectRole Role, Actor Actor);

public sealed record ChangeMemberRoleRequest(ProjectRole Role);

public static class ChangeMemberRoleHandler
{
    private const string Refused = "MEMBER_ROLE_NOT_CHANGED";

    public static Decision Decide(Project? project, ChangeMemberRole command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Owner, Refused) is { } denied)
        {
            return denied;
        }

        if (ProjectAccess.CheckRole(command.Role, Refused) is { } badRole)
        {
            return badRole;
        }

        var member = project!.MemberOf(command.AccountId);
        if (member is null)
        {
            return DomainError.NotFound($"{Refused}/NOT_MEMBER", "This account is not a member of the project.");
        }

        if (member.Role == command.Role)
        {
            return Decision.Accept();
        }

        return member.Role == ProjectRole.Owner && project.OwnerCount == 1
            ? DomainError.Conflict($"{Refused}/LAST_OWNER", "A project needs at least one owner. Make someone else an owner first.")
            : Decision.Accept(new MemberRoleChanged(command.ProjectId, command.AccountId, command.Role, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(ChangeMemberRole command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync<Project>(command.ProjectId, null, p => Decide(p, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder members) => members
        .MapPut("/{accountId:guid}", async (Guid projectId, Guid accountId, ChangeMemberRoleRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new ChangeMemberRole(projectId, accountId, body.Role, http.User.ToActor()), ct);
            if (outcome.Error is { } error)
            {
                return error.ToProblem();
            }

            var members = await MemberView.ListAsync(session, projectId, ct);
            return Replies.OkOrGone(members.SingleOrDefault(m => m.AccountId == accountId));
        })
        .WithName("ChangeMemberRole")
        .WithSummary("Gives a member another role (owners only). The last owner cannot be demoted.")
        .Produces<MemberView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
