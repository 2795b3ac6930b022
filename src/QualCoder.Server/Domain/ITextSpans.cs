namespace QualCoder.Server.Domain;

/// <summary>
/// What anchoring needs from a source's text: its length and spans of it in code points, and where a quote
/// occurs. The whole text (<see cref="CodePointText"/>) can answer everything; a few prefetched spans can answer
/// for codings given by offsets without loading a 5 MB transcript.
/// </summary>
public interface ITextSpans
{
    int Length { get; }

    string Slice(int start, int end);

    /// <summary>The first <paramref name="limit"/> places <paramref name="quote"/> occurs, as code point spans.</summary>
    IReadOnlyList<(int Start, int End)> FindAll(string quote, int limit = int.MaxValue);

    bool IsSpan(int start, int end) => start >= 0 && start < end && end <= Length;
}
