using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Coding;

/// <summary>
/// Where a coding points: explicit code point offsets, or a quote (and which occurrence of it, counted from 1)
/// that the server finds in the text. Given both, the quote verifies the offsets.
/// </summary>
public sealed record SegmentAnchor(int? Start, int? End, string? Quote, int? Occurrence)
{
    /// <summary>Resolves the anchor against the source text into a valid span, or the error that says why not.</summary>
    public DomainError? Resolve(ITextSpans text, string codePrefix, out (int Start, int End) span)
    {
        span = default;
        if (Start is { } start && End is { } end)
        {
            if (!text.IsSpan(start, end))
            {
                return DomainError.Invalid(
                    $"{codePrefix}/INVALID_POSITION",
                    $"start and end must satisfy 0 <= start < end <= {text.Length} (the source's length in code points); got start {start}, end {end}.");
            }

            if (Quote is not null && Quote != text.Slice(start, end))
            {
                return DomainError.Invalid(
                    $"{codePrefix}/QUOTE_MISMATCH",
                    "The quote is not the text at start..end; the offsets may count UTF-16 units instead of code points. Send only one of the two, or fix them.");
            }

            span = (start, end);
            return null;
        }

        if (Start is not null || End is not null)
        {
            return DomainError.Invalid($"{codePrefix}/MISSING_PARAM", "Give both start and end, or neither and a quote.");
        }

        if (string.IsNullOrEmpty(Quote))
        {
            return DomainError.Invalid(
                $"{codePrefix}/MISSING_PARAM", "Give start and end (code points, end exclusive), or the quote to find in the source.");
        }

        var found = text.FindAll(Quote, Occurrence is > 0 and var wanted ? wanted : int.MaxValue);
        if (found.Count == 0)
        {
            return DomainError.Invalid($"{codePrefix}/QUOTE_NOT_FOUND", "The quote does not occur in the source (the match is exact and case-sensitive).");
        }

        if (Occurrence is null && found.Count > 1)
        {
            return DomainError.Invalid(
                $"{codePrefix}/QUOTE_AMBIGUOUS",
                $"The quote occurs {found.Count} times; give occurrence (1 to {found.Count}) to say which, or use start and end.");
        }

        var occurrence = Occurrence ?? 1;
        if (occurrence < 1 || occurrence > found.Count)
        {
            return DomainError.Invalid(
                $"{codePrefix}/QUOTE_NOT_FOUND", $"The quote occurs {found.Count} time(s); occurrence {occurrence} does not exist (counting starts at 1).");
        }

        span = found[occurrence - 1];
        return null;
    }
}
