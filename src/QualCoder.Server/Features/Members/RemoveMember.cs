using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Members;

/// <summary>An owner removes a member, or any member leaves (removes themself).</summary>
public sealed record RemoveMember(Guid ProjectId, Guid AccountId, Actor Actor);

public static class RemoveMemberHandler
{
    private const string Refused = "MEMBER_NOT_REMOVED";

    public static Decision Decide(Project? project, RemoveMember command, DateTimeOffset now)
    {
        var leaving = command.AccountId == command.Actor.AccountId;
        var minimum = leaving ? ProjectRole.Viewer : ProjectRole.Owner;
        if (ProjectAccess.Require(project, command.Actor, minimum, Refused) is { } denied)
        {
            return denied;
        }

        var member = project!.MemberOf(command.AccountId);
        if (member is null)
        {
            return DomainError.NotFound($"{Refused}/NOT_MEMBER", "This account is not a member of the project.");
        }

        // Only a leaving owner can hit this: removing another owner means the caller is an owner too.
        return member.Role == ProjectRole.Owner && project.OwnerCount == 1
            ? DomainError.Conflict(
                $"{Refused}/LAST_OWNER",
                "You are the project's only owner. Make someone else an owner before you leave, or delete the project.")
            : Decision.Accept(new MemberRemoved(command.ProjectId, command.AccountId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RemoveMember command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideAsync<Project>(command.ProjectId, null, p => Decide(p, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder members) => members
        .MapDelete("/{accountId:guid}", async (Guid projectId, Guid accountId, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new RemoveMember(projectId, accountId, http.User.ToActor()), ct);
            return outcome.ToHttp(TypedResults.NoContent);
        })
        .WithName("RemoveMember")
        .WithSummary("Removes a member (owners), or leaves the project (your own account id). The last owner cannot leave.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
