namespace QualCoder.Server.Domain;

/// <summary>
/// A text addressed in Unicode code points, the unit of every anchor (REFI-QDA's, QualCoder's, and what Python
/// agents count), over .NET's UTF-16 string. Positions are 0-based; a span is [start, end). When the text has no
/// surrogate pairs, which is the common case, code point and UTF-16 offsets coincide and no table is kept;
/// otherwise one table of UTF-16 offsets makes every conversion O(1) (a batch of 10,000 codings needs that).
/// </summary>
public sealed class CodePointText : ITextSpans
{
    private readonly int[]? _utf16OffsetOf;

    public CodePointText(string text)
    {
        Text = text;
        var length = CountCodePoints(text);
        Length = length;
        if (length == text.Length)
        {
            return;
        }

        _utf16OffsetOf = new int[length + 1];
        var codePoint = 0;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            _utf16OffsetOf[codePoint++] = i;
        }

        _utf16OffsetOf[length] = text.Length;
    }

    public string Text { get; }

    /// <summary>The length in code points.</summary>
    public int Length { get; }

    public static int CountCodePoints(string text)
    {
        var count = text.Length;
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (char.IsSurrogatePair(text[i], text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    /// <summary>The UTF-16 index of code point <paramref name="codePoint"/> (0..Length).</summary>
    public int ToUtf16(int codePoint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePoint);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(codePoint, Length);
        return _utf16OffsetOf?[codePoint] ?? codePoint;
    }

    /// <summary>The code point index of UTF-16 index <paramref name="utf16"/>; an index inside a pair maps to its pair.</summary>
    public int ToCodePoint(int utf16)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16, Text.Length);
        if (_utf16OffsetOf is null)
        {
            return utf16;
        }

        var found = Array.BinarySearch(_utf16OffsetOf, utf16);
        return found >= 0 ? found : ~found - 1;
    }

    public bool IsSpan(int start, int end) => start >= 0 && start < end && end <= Length;

    /// <summary>The text of the span [start, end) in code points.</summary>
    public string Slice(int start, int end)
    {
        var from = ToUtf16(start);
        return Text[from..ToUtf16(end)];
    }

    /// <summary>
    /// The places <paramref name="quote"/> occurs (ordinal, overlapping allowed), as code point spans: all of them, or
    /// the first <paramref name="limit"/>, so finding the 2nd occurrence does not scan a whole transcript.
    /// </summary>
    public IReadOnlyList<(int Start, int End)> FindAll(string quote, int limit = int.MaxValue)
    {
        var found = new List<(int, int)>();
        if (quote.Length == 0)
        {
            return found;
        }

        for (var at = Text.IndexOf(quote, StringComparison.Ordinal); at >= 0 && found.Count < limit; at = Text.IndexOf(quote, at + 1, StringComparison.Ordinal))
        {
            found.Add((ToCodePoint(at), ToCodePoint(at + quote.Length)));
        }

        return found;
    }
}
