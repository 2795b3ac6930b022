using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.History;

/// <summary>The diff between two versions of a project, for anyone who may read it; the HTTP route and the agents' view_diff share it.</summary>
public static class ViewDiff
{
    private const string Refused = "HISTORY_DIFF";

    /// <param name="to">Null for the newest version.</param>
    /// <param name="from">Null for <paramref name="to"/>'s predecessor; it may be greater than <paramref name="to"/> (a backward diff).</param>
    public static async Task<(DomainError? Error, VersionDiff? Diff)> DiffAsync(
        IQuerySession session, Guid projectId, int? from, int? to, Actor actor, CancellationToken ct)
    {
        if (ProjectAccess.Require(await session.LoadAsync<Project>(projectId, ct), actor, ProjectRole.Viewer, Refused) is { } denied)
        {
            return (denied, null);
        }

        if (from < 0 || to < 0)
        {
            return (DomainError.Invalid($"{Refused}/INVALID_VERSION", "Version numbers start at 0 (the empty project before version 1)."), null);
        }

        var target = to ?? (await VersionLookup.NewestAsync(session, projectId, ct))?.Number;
        if (target is not { } toNumber)
        {
            return (VersionLookup.NoVersions(Refused), null);
        }

        var fromNumber = from ?? Math.Max(toNumber - 1, 0);
        if (await VersionLookup.ToSequenceAsync(session, projectId, toNumber, ct) is not { } toSequence)
        {
            return (VersionLookup.NotFound(Refused, toNumber), null);
        }

        if (await VersionLookup.ToSequenceAsync(session, projectId, fromNumber, ct) is not { } fromSequence)
        {
            return (VersionLookup.NotFound(Refused, fromNumber), null);
        }

        var forward = fromSequence <= toSequence;
        var load = await HistoryEvents.LoadAsync(session, projectId, Math.Min(fromSequence, toSequence), Math.Max(fromSequence, toSequence), ct);
        var changes = forward
            ? HistoryDiff.Changes(load.At, load.End, load.MergedBetween)
            : HistoryDiff.Changes(load.End, load.At, new Dictionary<Guid, Guid>());
        return (null, VersionDiff.Of(fromNumber, toNumber, changes, load.Between, load.BetweenTotal));
    }

    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/history/diff", async (Guid projectId, int? from, int? to, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, diff) = await DiffAsync(session, projectId, from, to, http.User.ToActor(), ct);
            return error is not null ? error.ToProblem() : TypedResults.Ok(diff);
        })
        .WithName("ViewVersionDiff")
        .WithSummary(
            "What changed between versions from and to (to omitted: the newest; from omitted: to's predecessor; 0 is the empty " +
            "project; from may be greater than to): changes in the project's terms with counts, and the raw events between.")
        .Produces<VersionDiff>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
