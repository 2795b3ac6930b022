using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Coding;

public sealed record UncodedRange(int Start, int End, int Length);

public sealed record UncodedReport(Guid SourceId, int TotalLength, int CodedLength, double UncodedPercentage, IReadOnlyList<UncodedRange> Ranges);

/// <summary>QualCoder's analyze_uncoded_text: the parts of a source no coding (or no coding of one coder) covers.</summary>
public static class UncodedRanges
{
    /// <summary>The gaps between the union of <paramref name="spans"/> within [0, length).</summary>
    public static UncodedReport Of(Guid sourceId, int length, IEnumerable<(int Start, int End)> spans)
    {
        var ranges = new List<UncodedRange>();
        var covered = 0;
        var cursor = 0;
        foreach (var (start, end) in spans.OrderBy(s => s.Start))
        {
            if (start > cursor)
            {
                ranges.Add(new UncodedRange(cursor, start, start - cursor));
            }

            if (end > cursor)
            {
                covered += end - Math.Max(start, cursor);
                cursor = end;
            }
        }

        if (cursor < length)
        {
            ranges.Add(new UncodedRange(cursor, length, length - cursor));
        }

        var uncoded = length == 0 ? 0 : Math.Round(100.0 * (length - covered) / length, 2);
        return new UncodedReport(sourceId, length, covered, uncoded, ranges);
    }

    /// <summary>How much of a range's text an excerpt shows, in code points.</summary>
    public const int ExcerptLength = 120;

    /// <summary>The start of a range's text (at most <see cref="ExcerptLength"/> code points), to show what is uncoded there.</summary>
    public static string Excerpt(ITextSpans text, UncodedRange range) =>
        text.Slice(range.Start, Math.Min(range.End, range.Start + ExcerptLength));

    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/sources/{sourceId:guid}/uncoded", async (Guid projectId, Guid sourceId, Guid? coderId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, source, segments) = await SegmentQueries.OfSourceAsync(session, projectId, sourceId, coderId, http.User.ToActor(), "UNCODED", ct);
            return error is not null ? error.ToProblem() : TypedResults.Ok(Of(sourceId, source!.Length, segments.Select(s => (s.Start, s.End))));
        })
        .WithName("UncodedRanges")
        .WithSummary("The ranges of a source that no coding covers (optionally: no coding of one coder), and the uncoded share.")
        .Produces<UncodedReport>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
