using Marten;
using Npgsql;
using NpgsqlTypes;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Search;

/// <summary>A passage like the search text: where it is (code points, end exclusive), its text, and how well it matches.</summary>
public sealed record SimilarPassage(Guid SourceId, string SourceName, int Start, int End, string Text, double Score);

public sealed record SimilarContentFound(IReadOnlyList<SimilarPassage> Matches)
{
    public int MatchCount => Matches.Count;
}

/// <summary>
/// Finds the passages of a project's sources that are like a search text, best first. Candidates come from the GIN
/// indexes: passages holding all the words of the search (websearch syntax: "a phrase", or, -word), or a stretch
/// spelled nearly like the whole search (trigram word similarity of at least pg_trgm's default 0.6: "interveiw"
/// finds "interview"). The score adds that similarity (0 to 1) and ts_rank (about 0.1 per word found), so that
/// exact words lift a passage among equally close ones. Callers check the caller's access to the project first.
/// </summary>
public static class SimilarContent
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxSearchLength = 1_000;
    private const string Refused = "SEARCH";

    public static DomainError? Check(string? searchText, int limit) => searchText switch
    {
        null => EmptyText,
        _ when string.IsNullOrWhiteSpace(searchText) => EmptyText,
        { Length: > MaxSearchLength } => DomainError.Invalid($"{Refused}/TEXT_TOO_LONG", $"The search text may have at most {MaxSearchLength} characters."),
        _ when searchText.Contains('\0', StringComparison.Ordinal) => DomainError.Invalid($"{Refused}/INVALID_TEXT", "The search text may not contain the NUL character (U+0000)."),
        _ when limit is < 1 or > MaxLimit => DomainError.Invalid($"{Refused}/INVALID_LIMIT", $"The limit must be 1 to {MaxLimit}."),
        _ => null,
    };

    private static readonly DomainError EmptyText = DomainError.Invalid($"{Refused}/EMPTY_TEXT", "Give the text to search for; it may not be empty or only white space.");

    /// <summary>
    /// The passages like <paramref name="searchText"/>; with <paramref name="codeId"/>, leaves out passages already
    /// entirely inside a coding of that code (the caller wants more places to apply it).
    /// </summary>
    public static async Task<(DomainError? Error, SimilarContentFound? Found)> FindAsync(
        IQuerySession session, Guid projectId, string? searchText, Guid? codeId, int limit, CancellationToken ct)
    {
        if (Check(searchText, limit) is { } invalid)
        {
            return (invalid, null);
        }

        if (codeId is { } code && (await session.LoadAsync<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId), ct))?.FindCode(code) is null)
        {
            return (DomainError.NotFound($"{Refused}/CODE_NOT_FOUND", "The project's codebook has no code with this id."), null);
        }

        var options = session.DocumentStore.Options;
        await SourcePassages.BuildMissingAsync(session, projectId, SourcePassages.QualifiedName(options), ct);

        await using var batch = SearchBatch(session.Connection, Sql(options), searchText!, projectId, codeId, limit);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        var matches = new List<SimilarPassage>();
        while (await reader.ReadAsync(ct))
        {
            matches.Add(new SimilarPassage(
                reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), Math.Round(reader.GetDouble(5), 4)));
        }

        return (null, new SimilarContentFound(matches));
    }

    /// <summary>The search: $1 the search text, $2 the project, $3 the code whose codings to leave out (or null), $4 the limit.</summary>
    internal static string Sql(IReadOnlyStoreOptions options) => $"""
        select p.source_id, s.data ->> 'name', p.start_pos, p.end_pos, p.text,
               word_similarity($1, p.text) + ts_rank(p.words, websearch_to_tsquery('simple', $1)) as score
        from {SourcePassages.QualifiedName(options)} p
        join {options.Schema.For<Source>()} s on s.id = p.source_id
        where p.project_id = $2
          and (p.words @@ websearch_to_tsquery('simple', $1) or $1 <% p.text)
          and not (s.data ->> 'isDeleted')::boolean
          and ($3::uuid is null or not exists (
              select 1 from {options.Schema.For<Segment>()} g
              where g.source_id = p.source_id and g.code_id = $3
                and (g.data ->> 'start')::integer <= p.start_pos and (g.data ->> 'end')::integer >= p.end_pos))
        order by score desc, s.data ->> 'name', p.start_pos
        limit $4
        """;

    /// <summary>
    /// <paramref name="sql"/> (the search, or a statement over it), planned knowing what a trigram match costs. The
    /// planner prices every operator at cpu_operator_cost (0.0025), but word_similarity over a passage costs about a
    /// hundred times an equality test; underrated, a sequential scan running it on every passage of the server can
    /// look cheaper than the GIN indexes, and is many times slower.
    /// </summary>
    internal static NpgsqlBatch SearchBatch(NpgsqlConnection connection, string sql, string searchText, Guid projectId, Guid? codeId, int limit) => new(connection)
    {
        BatchCommands =
        {
            // Local to the batch's implicit transaction: the pooled connection keeps no setting.
            new("select set_config('cpu_operator_cost', '0.25', true)"),
            new(sql)
            {
                Parameters =
                {
                    new() { Value = searchText },
                    new() { Value = projectId },
                    new() { Value = (object?)codeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid },
                    new() { Value = limit },
                },
            },
        },
    };

    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/search", async (Guid projectId, string? text, Guid? codeId, int? limit, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            if (ProjectAccess.Require(await session.LoadAsync<Project>(projectId, ct), http.User.ToActor(), ProjectRole.Viewer, Refused) is { } denied)
            {
                return denied.ToProblem();
            }

            var (error, found) = await FindAsync(session, projectId, text, codeId, limit ?? DefaultLimit, ct);
            return error?.ToProblem() ?? TypedResults.Ok(found);
        })
        .WithName("FindSimilarContent")
        .WithSummary(
            "Passages (sentences or lines) of the project's sources like ?text=…, best first: the same words (websearch syntax: " +
            "\"a phrase\", or, -word) or nearly the same spelling. ?codeId=… leaves out passages already coded with that code; " +
            "?limit=1..100 (default 20). Positions are code points, end exclusive.")
        .Produces<SimilarContentFound>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
