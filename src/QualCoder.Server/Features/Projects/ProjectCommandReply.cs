using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Projects;

/// <summary>How every command on a project's stream answers over HTTP: its problem, or the project as it is now.</summary>
internal static class ProjectCommandReply
{
    public static async Task<IResult> SendAsync(
        this IMessageBus bus, object command, Guid projectId, Actor actor, IQuerySession session, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        if (outcome.Error is { } error)
        {
            return error.ToProblem();
        }

        var project = await session.LoadAsync<Project>(projectId, ct);
        return project is { IsDeleted: false } && project.MemberOf(actor.AccountId) is not null
            ? TypedResults.Ok(ProjectView.Of(project, actor))
            : TypedResults.NoContent();
    }
}
