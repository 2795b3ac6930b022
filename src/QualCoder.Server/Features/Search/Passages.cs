using System.Globalization;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Search;

/// <summary>A piece of a source's text that search can find: [Start, End) in code points, and its text.</summary>
public readonly record struct Passage(int Start, int End, string Text);

/// <summary>
/// Cuts a text into the passages search ranks: sentences and lines (cut after . ! ? … 。 ！ ？ followed by a space,
/// or at a line break), trimmed of surrounding white space. Very short pieces ("Yes.", a speaker's label) join
/// their neighbour so that a match has some context; a piece longer than <see cref="MaxLength"/> is cut at a word
/// boundary, so a transcript without punctuation still yields passages of a readable size.
/// </summary>
public static class Passages
{
    public const int MaxLength = 600;
    public const int MinLength = 40;

    public static IReadOnlyList<Passage> Split(string text)
    {
        var codePoints = new CodePointText(text);
        var pieces = Pieces(text).SelectMany(p => CapLength(codePoints, p.Start, p.End));
        return [.. MergeShort(codePoints, pieces).Select(p => new Passage(codePoints.ToCodePoint(p.Start), codePoints.ToCodePoint(p.End), text[p.Start..p.End]))];
    }

    /// <summary>Sentences and lines as trimmed, non-empty UTF-16 ranges.</summary>
    private static IEnumerable<(int Start, int End)> Pieces(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cut = text[i] == '\n' || IsSentenceEnd(text, i);
            if (cut && Trim(text, start, i + 1) is { } piece)
            {
                yield return piece;
            }

            start = cut ? i + 1 : start;
        }

        if (Trim(text, start, text.Length) is { } last)
        {
            yield return last;
        }
    }

    private static bool IsSentenceEnd(string text, int i) => text[i] switch
    {
        '。' or '！' or '？' => true,
        '.' or '!' or '?' or '…' => i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    private static (int Start, int End)? Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return start < end ? (start, end) : null;
    }

    /// <summary>Cuts a long piece at the last white space before <see cref="MaxLength"/> code points, or, in a run without any, between characters.</summary>
    private static IEnumerable<(int Start, int End)> CapLength(CodePointText text, int start, int end)
    {
        while (Length(text, start, end) > MaxLength)
        {
            var limit = text.ToUtf16(text.ToCodePoint(start) + MaxLength);
            var cut = text.Text.LastIndexOfAny(WhiteSpace, limit, limit - start);
            cut = cut > start ? cut : CharacterBoundaryBefore(text.Text, start, limit);
            if (Trim(text.Text, start, cut) is { } head)
            {
                yield return head;
            }

            start = Trim(text.Text, cut, end)!.Value.Start;
        }

        yield return (start, end);
    }

    private static readonly char[] WhiteSpace = [' ', '\t', '\n', '\r', '\u00A0', '\u3000'];

    /// <summary>Backs off so that a combining mark stays with the letter it belongs to, and a surrogate pair stays whole.</summary>
    private static int CharacterBoundaryBefore(string text, int start, int limit)
    {
        var cut = limit;
        while (cut > start + 1 && (IsCombining(text[cut]) || char.IsLowSurrogate(text[cut])))
        {
            cut--;
        }

        return cut > start + 1 ? cut : limit;
    }

    private static bool IsCombining(char c) => CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Joins a piece shorter than <see cref="MinLength"/> to its neighbour while the two fit in <see cref="MaxLength"/>.</summary>
    private static IEnumerable<(int Start, int End)> MergeShort(CodePointText text, IEnumerable<(int Start, int End)> pieces)
    {
        (int Start, int End)? current = null;
        foreach (var next in pieces)
        {
            if (current is not { } held)
            {
                current = next;
            }
            else if ((Length(text, held.Start, held.End) < MinLength || Length(text, next.Start, next.End) < MinLength)
                && Length(text, held.Start, next.End) <= MaxLength)
            {
                current = (held.Start, next.End);
            }
            else
            {
                yield return held;
                current = next;
            }
        }

        if (current is { } last)
        {
            yield return last;
        }
    }

    private static int Length(CodePointText text, int start, int end) => text.ToCodePoint(end) - text.ToCodePoint(start);
}
