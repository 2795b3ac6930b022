using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Members;

public sealed record AddMember(Guid ProjectId, string Email, ProjectRole Role, Actor Actor);

public sealed record AddMemberRequest(string Email, ProjectRole Role);

public static class AddMemberHandler
{
    private const string Refused = "MEMBER_NOT_ADDED";

    /// <param name="account">The account registered under the command's email, if any.</param>
    public static Decision Decide(Project? project, Account? account, AddMember command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Owner, Refused) is { } denied)
        {
            return denied;
        }

        if (ProjectAccess.CheckRole(command.Role, Refused) is { } badRole)
        {
            return badRole;
        }

        if (account is null)
        {
            return DomainError.Invalid(
                $"{Refused}/ACCOUNT_NOT_FOUND",
                "No account is registered with this email. Ask the person to register first, then add them.");
        }

        return project!.MemberOf(account.Id) is { } existing
            ? DomainError.Conflict(
                $"{Refused}/ALREADY_MEMBER",
                $"{account.DisplayName} is already a member, as {ProjectAccess.Describe(existing.Role)}. Change their role instead.")
            : Decision.Accept(new MemberAdded(command.ProjectId, account.Id, command.Role, command.Actor, now));
    }

    public static async Task<CommandOutcome> Handle(AddMember command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var email = RegisterAccountHandler.NormaliseEmail(command.Email);
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, ct);
        return await session.DecideAsync<Project>(command.ProjectId, null, p => Decide(p, account, command, clock.GetUtcNow()), ct);
    }

    internal static void Map(RouteGroupBuilder members) => members
        .MapPost("/", async (Guid projectId, AddMemberRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new AddMember(projectId, body.Email, body.Role, http.User.ToActor()), ct);
            if (outcome.Error is { } error)
            {
                return error.ToProblem();
            }

            var members = await MemberView.ListAsync(session, projectId, ct);
            var email = RegisterAccountHandler.NormaliseEmail(body.Email);
            return Replies.CreatedOrGone($"/api/projects/{projectId}/members", members.SingleOrDefault(m => m.Email == email));
        })
        .WithName("AddMember")
        .WithSummary("Adds a registered account to the project by email, with a role (owners only).")
        .Produces<MemberView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
