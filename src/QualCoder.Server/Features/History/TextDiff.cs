using System.Text.RegularExpressions;

namespace QualCoder.Server.Features.History;

/// <summary>One piece of a text diff: <c>equal</c>, <c>insert</c> or <c>delete</c>.</summary>
public sealed record TextDiffPart(string Op, string Text);

/// <summary>
/// A word-level diff of two memos: words and the white space between them are the tokens, and the longest common
/// subsequence of tokens stays "equal". The common head and tail are cut first, so editing one word of a long memo
/// compares only what lies between; a middle too large for the quadratic table is shown as deleted then inserted.
/// </summary>
public static partial class TextDiff
{
    public const string Equal = "equal";
    public const string Insert = "insert";
    public const string Delete = "delete";

    private const long MaxTable = 4_000_000;

    public static IReadOnlyList<TextDiffPart> Of(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }

        var parts = new List<TextDiffPart>();
        Add(parts, Equal, a[..head]);
        Middle(parts, a[head..^tail], b[head..^tail]);
        Add(parts, Equal, a[^tail..]);
        return parts;
    }

    private static void Middle(List<TextDiffPart> parts, string[] a, string[] b)
    {
        if ((long)a.Length * b.Length > MaxTable)
        {
            Add(parts, Delete, a);
            Add(parts, Insert, b);
            return;
        }

        // lengths[i, j] = the LCS length of a[i..] and b[j..]
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Add(parts, Equal, a[x++]);
                y++;
            }
            else if (x < a.Length && (y == b.Length || lengths[x + 1, y] >= lengths[x, y + 1]))
            {
                Add(parts, Delete, a[x++]);
            }
            else
            {
                Add(parts, Insert, b[y++]);
            }
        }
    }

    private static void Add(List<TextDiffPart> parts, string op, params string[] tokens)
    {
        var text = string.Concat(tokens);
        if (text.Length == 0)
        {
            return;
        }

        if (parts.Count > 0 && parts[^1].Op == op)
        {
            parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
        }
        else
        {
            parts.Add(new TextDiffPart(op, text));
        }
    }

    private static string[] Tokens(string text) => [.. Words().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Words();
}
