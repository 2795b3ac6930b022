using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Sources;

/// <summary>A page of a source's text: [Start, End) in code points of TotalLength; HasMore says whether text follows End.</summary>
public sealed record SourceTextPage(Guid SourceId, string Name, int Start, int End, int TotalLength, bool HasMore, string Text);

/// <summary>
/// Reads a source's text in pages of at most <see cref="MaxPageLength"/> code points, so a client or an agent can read a
/// 5 MB transcript piece by piece. PostgreSQL cuts the page (substr counts characters, which in a UTF-8 database are
/// code points, as our offsets are), so only the page crosses the wire and the server never holds the whole text.
/// </summary>
public static class ReadSourceText
{
    public const int MaxPageLength = 50_000;
    private const string Refused = "SOURCE_TEXT";

    /// <summary>The page a request asks for: from start, up to end (when given), never more than a full page.</summary>
    public readonly record struct Window(int Start, long End)
    {
        /// <summary>The same window as substr's arguments (1-based start, count), kept in range even for a nonsense request.</summary>
        public (int From, int Count) AsSubstr() => ((int)Math.Clamp(Start + 1L, 1, int.MaxValue), (int)Math.Clamp(End - Start, 0, MaxPageLength));
    }

    public static Window WindowOf(int? start, int? end)
    {
        var from = start ?? 0;
        var pageEnd = (long)from + MaxPageLength;
        return new Window(from, end is { } e ? Math.Min(e, pageEnd) : pageEnd);
    }

    /// <summary>Checks the window against the text's length; the page ends at the window's end or the text's, whichever comes first.</summary>
    public static DomainError? CheckRange(Window window, int totalLength, out int end)
    {
        end = (int)Math.Clamp(window.End, 0, totalLength);
        return window.Start < 0 || window.Start > totalLength || window.End < window.Start
            ? DomainError.Invalid(
                $"{Refused}/INVALID_RANGE",
                $"The range [{window.Start}, {window.End}) is not within the text, which has {totalLength} characters (code points). " +
                "Start must be 0..length and end at least start.")
            : null;
    }

    /// <summary>A page of the source's text as <paramref name="actor"/> may read it: the HTTP route and the agents' resource share it.</summary>
    public static async Task<(DomainError? Error, SourceTextPage? Page)> QueryAsync(
        IQuerySession session, Guid projectId, Guid sourceId, int? start, int? end, Actor actor, CancellationToken ct)
    {
        var window = WindowOf(start, end);
        var (from, count) = window.AsSubstr();
        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(projectId);
        var source = batch.Load<Source>(sourceId);
        var page = batch.Query<string>(
            $"select substr(data ->> 'text', ?, ?) from {session.DocumentStore.Options.Schema.For<SourceText>()} where id = ? and project_id = ?",
            from, count, sourceId, projectId);
        await batch.Execute(ct);

        if (SourceAccess.Require(await project, await source, actor, ProjectRole.Viewer, Refused) is { } denied)
        {
            return (denied, null);
        }

        var found = (await source)!;
        if (CheckRange(window, found.Length, out var pageEnd) is { } invalid)
        {
            return (invalid, null);
        }

        return (null, new SourceTextPage(
            sourceId, found.Name, window.Start, pageEnd, found.Length, pageEnd < found.Length, (await page).SingleOrDefault() ?? ""));
    }

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapGet("/{sourceId:guid}/text", async (Guid projectId, Guid sourceId, int? start, int? end, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, page) = await QueryAsync(session, projectId, sourceId, start, end, http.User.ToActor(), ct);
            return error is not null ? error.ToProblem() : TypedResults.Ok(page!);
        })
        .WithName("ReadSourceText")
        .WithSummary(
            "A page of the source's text: ?start=0&end=… in code points (end exclusive; default and largest page 50,000). " +
            "The answer says where the page ends, the total length, and whether more follows.")
        .Produces<SourceTextPage>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
