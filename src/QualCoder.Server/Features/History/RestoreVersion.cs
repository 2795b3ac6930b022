using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.History;

/// <summary>Restore the project to version <c>Version</c>; without <c>Confirm</c>, only show what that would change.</summary>
public sealed record RestoreVersion(Guid ProjectId, int Version, bool Confirm, Actor Actor);

public sealed record RestoreVersionRequest(int? Version = null, bool Confirm = false);

/// <summary>
/// The answer: the diff from the current state to version <c>Version</c>, and, once confirmed, how many events the
/// restore appended. Members and suggestions are never restored: they are access control and review, not content.
/// </summary>
public sealed record RestoreVersionReply(bool Preview, int Version, int? EventsAppended, VersionDiff Diff, string Note);

/// <summary>
/// A restore appends compensating events (<see cref="RestorePlan"/>) and <see cref="ProjectRestored"/>, all in one
/// transaction, each stream at the version the plan was computed from: if anyone appends to one of them in between,
/// the commit fails as a whole (409) and nothing is written. It runs on the request's own session rather than
/// through the message bus, whose retry on a lost race would silently restore on top of the other writer's change.
/// <see cref="RestoreAsync"/> only queues the events: the caller saves the session.
/// </summary>
public static class RestoreVersionHandler
{
    private const string Refused = "PROJECT_NOT_RESTORED";

    public const string NotRestored =
        "Members and their roles, and pending or decided suggestions, are not part of a restore: they are access control and review, not project content.";

    public static async Task<(DomainError? Error, RestoreVersionReply? Reply)> RestoreAsync(
        RestoreVersion command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (ProjectAccess.Require(await session.LoadAsync<Project>(command.ProjectId, ct), command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return (denied, null);
        }

        if (command.Version < 1)
        {
            return (DomainError.Invalid($"{Refused}/INVALID_VERSION", "Give the number of the version to restore (1 or more)."), null);
        }

        var newest = await VersionLookup.NewestAsync(session, command.ProjectId, ct);
        if (await VersionLookup.ToSequenceAsync(session, command.ProjectId, command.Version, ct) is not { } toSequence)
        {
            return (VersionLookup.NotFound(Refused, command.Version), null);
        }

        var load = await HistoryEvents.LoadAsync(session, command.ProjectId, toSequence, null, ct);
        var diff = VersionDiff.Of(
            newest?.Number ?? command.Version, command.Version,
            HistoryDiff.Changes(load.End, load.At, new Dictionary<Guid, Guid>()), load.Between, load.BetweenTotal);
        if (!command.Confirm)
        {
            return (null, new RestoreVersionReply(true, command.Version, null, diff, NotRestored));
        }

        var now = clock.GetUtcNow();
        var plan = RestorePlan.Of(load.End, load.At, command.ProjectId, command.Actor, now);
        if (plan.Count == 0)
        {
            return (null, new RestoreVersionReply(false, command.Version, 0, diff, $"The project already is as it was at version {command.Version}; nothing was appended."));
        }

        var restored = new ProjectRestored(command.ProjectId, command.Version, toSequence, command.Actor, now);
        foreach (var stream in plan.Append(new PlannedEvent(command.ProjectId, restored)).GroupBy(p => p.StreamId))
        {
            var events = stream.Select(p => p.Event).ToArray();
            session.Events.Append(stream.Key, load.StreamVersions.GetValueOrDefault(stream.Key) + events.Length, events);
        }

        return (null, new RestoreVersionReply(false, command.Version, plan.Count + 1, diff, NotRestored));
    }

    internal static void Map(RouteGroupBuilder project) => project
        .MapPost("/history/restore", async (Guid projectId, RestoreVersionRequest body, HttpContext http, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        {
            if (body.Version is not { } version)
            {
                return DomainError.Invalid($"{Refused}/MISSING_VERSION", "Give the number of the version to restore.").ToProblem();
            }

            var (error, reply) = await RestoreAsync(new RestoreVersion(projectId, version, body.Confirm, http.User.ToActor()), session, clock, ct);
            if (error is not null)
            {
                return error.ToProblem();
            }

            await session.SaveChangesAsync(ct);
            return TypedResults.Ok(reply);
        })
        .WithName("RestoreVersion")
        .WithSummary(
            "Without confirm: a preview, the diff from the current state to version {version}. With confirm=true: appends the events " +
            "that bring the project back to that version as a new version (editors and owners); nothing is deleted, later versions stay. " +
            "Members and suggestions are not restored.")
        .Produces<RestoreVersionReply>()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
