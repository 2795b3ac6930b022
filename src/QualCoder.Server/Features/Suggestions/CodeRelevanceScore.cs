using System.Globalization;
using QualCoder.Server.Features.Codebook;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>How well a code fits a passage, with why: what suggest_codes_for_range and auto_suggest_codes propose.</summary>
public sealed record ScoredCode(Guid CodeId, string CodeName, int Confidence, string Rationale);

/// <summary>
/// QualCoder v2's word-overlap heuristic, a floor to improve on: the share of the code name's words (longer than 2
/// letters) that occur in the passage counts up to 80 points, the share of its memo's words (longer than 3 letters)
/// up to 30, and the sum is clamped to 10-95. Words are compared whole and ignoring case. A code none of whose words
/// occur scores nothing rather than v2's floor of 10, so it is not suggested at all.
/// </summary>
public static class CodeRelevanceScore
{
    public const int Floor = 10;
    public const int Ceiling = 95;
    private const int NameWeight = 80;
    private const int MemoWeight = 30;

    /// <summary>The code's score for <paramref name="passage"/>, or null when none of its words occur there.</summary>
    public static ScoredCode? Score(string passage, Code code)
    {
        var words = WordsOf(passage, 1);
        var name = WordsOf(code.Name, 3);
        var memo = WordsOf(code.Memo, 4);
        var inName = name.Where(words.Contains).ToList();
        var inMemo = memo.Where(words.Contains).ToList();
        if (inName.Count + inMemo.Count == 0)
        {
            return null;
        }

        var points = Share(inName.Count, name.Count, NameWeight) + Share(inMemo.Count, memo.Count, MemoWeight);
        return new ScoredCode(code.Id, code.Name, Math.Clamp((int)Math.Round(points), Floor, Ceiling), Rationale(code.Name, inName, name.Count, inMemo, memo.Count));
    }

    /// <summary>The codes that fit <paramref name="passage"/>, best first (ties by name), at most <paramref name="top"/>.</summary>
    public static IReadOnlyList<ScoredCode> Rank(string passage, IEnumerable<Code> codes, int top) =>
        [.. codes.Select(c => Score(passage, c)).OfType<ScoredCode>()
            .OrderByDescending(s => s.Confidence).ThenBy(s => s.CodeName, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.CodeId)
            .Take(top)];

    /// <summary>The distinct lower-case words (runs of letters and digits) of at least <paramref name="minLength"/> characters.</summary>
    public static HashSet<string> WordsOf(string text, int minLength)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text, i) || char.GetUnicodeCategory(text, i) is UnicodeCategory.NonSpacingMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                if (i - start >= minLength)
                {
                    words.Add(text[start..i].ToLowerInvariant());
                }

                start = -1;
            }
        }

        return words;
    }

    private static double Share(int matched, int total, int weight) => total == 0 ? 0 : (double)weight * matched / total;

    private static string Rationale(string codeName, List<string> inName, int nameWords, List<string> inMemo, int memoWords)
    {
        var found = new List<string>();
        if (inName.Count > 0)
        {
            found.Add($"{inName.Count} of {nameWords} words of its name ({string.Join(", ", inName)})");
        }

        if (inMemo.Count > 0)
        {
            found.Add($"{inMemo.Count} of {memoWords} words of its memo ({string.Join(", ", inMemo)})");
        }

        return $"The passage contains {string.Join(" and ", found)}: '{codeName}' may apply (a word-overlap heuristic, to be checked).";
    }
}
