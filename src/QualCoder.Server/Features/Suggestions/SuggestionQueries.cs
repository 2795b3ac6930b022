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
    /// A project's suggestions in the order they were made. <paramref name="status"/> is pending (when null), approved,
    /// rejected, failed or all; <paramref name="kind"/> is code, coding, merge or source_metadata; every filter is optional.
    /// </summary>
    public static async Task<(DomainError? Error, IReadOnlyList<Suggestion> Suggestions)> ListAsync(
        IQuerySession session, Guid projectId, Actor actor, string? status, string? kind, Guid? sourceId, Guid? batchId, CancellationToken ct)
    {
        SuggestionStatus? wanted = SuggestionStatus.Pending;
        if (!TryParse(status, ref wanted))
        {
            return (DomainError.Invalid($"{Refused}/INVALID_STATUS", "status is pending, approved, rejected, failed or all."), []);
        }

        SuggestionKind? ofKind = null;
        if (!TryParse(kind, ref ofKind))
        {
            return (DomainError.Invalid($"{Refused}/INVALID_KIND", "kind is code, coding, merge or source_metadata."), []);
        }

        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var query = batch.Query<Suggestion>().Where(s => s.ProjectId == projectId);
        if (wanted is { } only)
        {
            query = query.Where(s => s.Status == only);
        }

        if (ofKind is { } k)
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

    /// <summary>Reads a filter given by name in any case: absent keeps the default <paramref name="value"/>, "all" filters nothing.</summary>
    private static bool TryParse<T>(string? raw, ref T? value)
        where T : struct, Enum
    {
        if (raw is null || raw.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            value = raw is null ? value : null;
            return true;
        }

        // source_metadata names SourceMetadata, as the JSON answers spell it.
        var known = Enum.TryParse<T>(raw.Replace("_", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(raw, out _);
        value = known ? parsed : value;
        return known;
    }

    internal static void MapList(RouteGroupBuilder suggestions) => suggestions
        .MapGet("/", async (Guid projectId, string? status, string? kind, Guid? sourceId, Guid? batchId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, found) = await ListAsync(session, projectId, http.User.ToActor(), status, kind, sourceId, batchId, ct);
            return error?.ToProblem() ?? TypedResults.Ok(found);
        })
        .WithName("ListSuggestions")
        .WithSummary("The project's suggestions, oldest first: pending ones unless ?status= says otherwise (approved, rejected, failed, all); ?kind=code|coding|merge|source_metadata, ?sourceId= and ?batchId= narrow it.")
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
