using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.History;

/// <summary>A version as the history list and the "versionClosed" push show it.</summary>
public sealed record VersionView(
    int Number,
    long FromSequence,
    long ToSequence,
    int EventCount,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    string Message,
    IReadOnlyList<VersionActorView> Actors,
    IReadOnlyDictionary<string, int> Areas,
    int? RestoredTo,
    bool Current)
{
    /// <param name="names">display names by account, or null where they are not looked up (the push)</param>
    public static VersionView Of(ProjectVersion version, IReadOnlyDictionary<Guid, string>? names, bool current) => new(
        version.Number, version.FromSequence, version.ToSequence, version.EventCount, version.OpenedAt, version.ClosedAt,
        version.Message,
        [.. version.Actors.Select(a => new VersionActorView(
            a.AccountId,
            names?.GetValueOrDefault(a.AccountId),
            a.AgentSessionId is null && a.AgentClientName is null ? null : new VersionAgentView(a.AgentSessionId, a.AgentClientName)))],
        version.Areas, version.RestoredTo, current);
}

public sealed record VersionActorView(Guid AccountId, string? DisplayName, VersionAgentView? Agent);

public sealed record VersionAgentView(string? SessionId, string? ClientName);

public sealed record HistoryPage(IReadOnlyList<VersionView> Versions, int? Next);

public static class ListHistory
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const string Refused = "HISTORY";

    public static DomainError? Check(int limit, int? before) => (limit, before) switch
    {
        ( < 1 or > MaxLimit, _) => DomainError.Invalid($"{Refused}/INVALID_LIMIT", $"The limit must be 1 to {MaxLimit}."),
        (_, < 1) => DomainError.Invalid($"{Refused}/INVALID_BEFORE", "before must be a version number (1 or more)."),
        _ => null,
    };

    /// <summary>One page of a project's versions, newest first, in two round trips whatever its size.</summary>
    public static async Task<HistoryPage> PageAsync(IQuerySession session, Guid projectId, int limit, int? before, Guid? actor, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var filtered = batch.Query<ProjectVersion>().Where(v => v.ProjectId == projectId);
        if (before is { } number)
        {
            filtered = filtered.Where(v => v.Number < number);
        }

        if (actor is { } accountId)
        {
            filtered = filtered.Where(v => v.Actors.Any(a => a.AccountId == accountId));
        }

        var rows = filtered.OrderByDescending(v => v.Number).Take(limit + 1).ToList();
        var newest = batch.Query<ProjectVersion>().Where(v => v.ProjectId == projectId).OrderByDescending(v => v.Number).FirstOrDefault();
        await batch.Execute(ct);

        var versions = (await rows).Take(limit).ToList();
        var current = (await newest)?.Number;
        var accountIds = versions.SelectMany(v => v.Actors).Select(a => a.AccountId).Distinct().ToArray();
        var names = (await session.LoadManyAsync<Account>(ct, accountIds)).ToDictionary(a => a.Id, a => a.DisplayName);
        return new HistoryPage(
            [.. versions.Select(v => VersionView.Of(v, names, v.Number == current))],
            (await rows).Count > limit ? versions[^1].Number : null);
    }

    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/history", async (Guid projectId, int? limit, int? before, Guid? actor, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var loaded = await session.LoadAsync<Project>(projectId, ct);
            if (ProjectAccess.Require(loaded, http.User.ToActor(), ProjectRole.Viewer, Refused) is { } denied)
            {
                return denied.ToProblem();
            }

            return Check(limit ?? DefaultLimit, before) is { } invalid
                ? invalid.ToProblem()
                : TypedResults.Ok(await PageAsync(session, projectId, limit ?? DefaultLimit, before, actor, ct));
        })
        .WithName("ListHistory")
        .WithSummary("The project's versions, newest first (the newest is current); page with before=next, filter by actor.")
        .Produces<HistoryPage>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
