using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>The review queue's reads: a project's suggestions (pending by default, filtered), and one suggestion.</summary>
public static class SuggestionQueries
{
    private const string Refused = "SUGGESTIONS";

    /// <summary>
    /// A project's suggestions in the order they were made. <paramref name="status"/> is pending, approved, rejected,
    /// failed or all; the other filters are optional.
    /// </summary>
    public static async Task<(DomainError? Error, IReadOnlyList<Suggestion> Suggestions)> ListAsync(
        IQuerySession session, Guid projectId, Actor actor, string? status, SuggestionKind? kind, Guid? sourceId, Guid? batchId, CancellationToken ct)
    {
        if (ParseStatus(status, out var wanted) is { } badStatus)
        {
            return (badStatus, []);
        }

        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var query = batch.Query<Suggestion>().Where(s => s.ProjectId == projectId);
        if (wanted is { } only)
        {
            query = query.Where(s => s.Status == only);
        }

        if (kind is { } k)
        {
            query = query.Where(s => s.Kind == k);
        }

        if (sourceId is { } source)
        {
            query = query.Where(s => s.Coding!.SourceId == source);
        }

        if (batchId is { } b)
        {
            query = query.Where(s => s.BatchId == b);
        }

        var suggestionsLoad = query.OrderBy(s => s.SuggestedAt).ThenBy(s => s.Id).ToList();
        await batch.Execute(ct);
        return ProjectAccess.Require(await projectLoad, actor, ProjectRole.Viewer, Refused) is { } denied
            ? (denied, [])
            : (null, await suggestionsLoad);
    }

    /// <summary>The ids of a batch's suggestions; a batch in another project has none here.</summary>
    internal static async Task<IReadOnlyList<Guid>> IdsInBatchAsync(IQuerySession session, Guid projectId, Guid batchId, CancellationToken ct) =>
        await session.Query<Suggestion>().Where(s => s.ProjectId == projectId && s.BatchId == batchId).Select(s => s.Id).ToListAsync(ct);

    private static DomainError? ParseStatus(string? raw, out SuggestionStatus? status)
    {
        status = SuggestionStatus.Pending;
        if (raw is null)
        {
            return null;
        }

        if (raw.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            status = null;
            return null;
        }

        if (Enum.TryParse<SuggestionStatus>(raw, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            status = parsed;
            return null;
        }

        return DomainError.Invalid($"{Refused}/INVALID_STATUS", "status is pending, approved, rejected, failed or all.");
    }

    internal static void MapList(RouteGroupBuilder suggestions) => suggestions
        .MapGet("/", async (Guid projectId, string? status, SuggestionKind? kind, Guid? sourceId, Guid? batchId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, found) = await ListAsync(session, projectId, http.User.ToActor(), status, kind, sourceId, batchId, ct);
            return error?.ToProblem() ?? TypedResults.Ok(found);
        })
        .WithName("ListSuggestions")
        .WithSummary("The project's suggestions, oldest first: pending ones unless ?status= says otherwise (approved, rejected, failed, all); ?kind=code|coding|merge, ?sourceId= and ?batchId= narrow it.")
        .Produces<IReadOnlyList<Suggestion>>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    internal static void MapGet(RouteGroupBuilder suggestions) => suggestions
        .MapGet("/{suggestionId:guid}", async (Guid projectId, Guid suggestionId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var batch = session.CreateBatchQuery();
            var projectLoad = batch.Load<Project>(projectId);
            var suggestionLoad = batch.Load<Suggestion>(suggestionId);
            await batch.Execute(ct);
            if (ProjectAccess.Require(await projectLoad, http.User.ToActor(), ProjectRole.Viewer, Refused) is { } denied)
            {
                return denied.ToProblem();
            }

            return await suggestionLoad is { } suggestion && suggestion.ProjectId == projectId
                ? TypedResults.Ok(suggestion)
                : SuggestionRules.NotFound(Refused).ToProblem();
        })
        .WithName("GetSuggestion")
        .WithSummary("One suggestion with everything a reviewer needs: its rationale and confidence, who suggested it, and for a coding the quote with the text around it.")
        .Produces<Suggestion>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
