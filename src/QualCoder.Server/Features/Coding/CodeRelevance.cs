using System.Globalization;
using System.Text;
using QualCoder.Server.Features.Codebook;

namespace QualCoder.Server.Features.Coding;

/// <summary>How well a code fits a text by <see cref="CodeRelevance"/>'s words rule, and which of its words the text has.</summary>
public sealed record CodeFit(Code Code, int Confidence, IReadOnlyList<string> MatchedNameWords, IReadOnlyList<string> MatchedMemoWords)
{
    /// <summary>One sentence for a person reviewing the suggestion: which of the code's words the text contains.</summary>
    public string Rationale => (MatchedNameWords.Count, MatchedMemoWords.Count) switch
    {
        (0, 0) => $"No word of the code \"{Code.Name}\" or its memo occurs in the text.",
        (_, 0) => $"The text contains {Quoted(MatchedNameWords)} from the code's name \"{Code.Name}\".",
        (0, _) => $"The text contains {Quoted(MatchedMemoWords)} from the memo of the code \"{Code.Name}\".",
        _ => $"The text contains {Quoted(MatchedNameWords)} from the code's name \"{Code.Name}\" and {Quoted(MatchedMemoWords)} from its memo.",
    };

    private static string Quoted(IReadOnlyList<string> words) => string.Join(", ", words.Select(w => $"\"{w}\""));
}

/// <summary>
/// QualCoder v2's rule for which existing codes fit a passage, a transparent floor for agents to beat: a code's name
/// words longer than 2 letters that occur in the text count 80 x matched / total, its memo words longer than 3
/// letters 30 x matched / total; the sum, rounded, is clamped to 10-95 (a confidence in percent). Words are runs of
/// letters and digits (with their combining marks), compared as whole words ignoring case, each counted once. The
/// server runs without ICU, so an accent composed differently (é as one character or as e + combining accent) does
/// not match: the comparison is as literal as quotes are.
/// Pure: the same text and codes always give the same fits, in the same order.
/// </summary>
public static class CodeRelevance
{
    public const int NameWeight = 80;
    public const int MemoWeight = 30;
    public const int MinConfidence = 10;
    public const int MaxConfidence = 95;

    /// <summary>How many suggestions v2 makes for one passage.</summary>
    public const int Top = 5;

    /// <summary>How well <paramref name="code"/> fits <paramref name="text"/>.</summary>
    public static CodeFit Score(string text, Code code) => Score(TextWords(text), code);

    /// <summary>
    /// The codes that fit <paramref name="text"/> best, most confident first (then by name), at most <paramref name="top"/>.
    /// Codes none of whose words occur in the text are left out unless <paramref name="includeUnmatched"/>, when they
    /// fill the list at the minimum confidence as v2's lists do.
    /// </summary>
    public static IReadOnlyList<CodeFit> Rank(string text, IEnumerable<Code> codes, int top = Top, bool includeUnmatched = false)
    {
        var words = TextWords(text);
        return codes
            .Select(code => Score(words, code))
            .Where(fit => includeUnmatched || fit.MatchedNameWords.Count + fit.MatchedMemoWords.Count > 0)
            .OrderByDescending(fit => fit.Confidence)
            .ThenBy(fit => fit.Code.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(fit => fit.Code.Id)
            .Take(top)
            .ToList();
    }

    /// <summary>The distinct words of <paramref name="text"/> longer than <paramref name="longerThan"/> letters, lower-cased, in order.</summary>
    public static IReadOnlyList<string> Words(string? text, int longerThan)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var letters = 0;
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune) || IsMark(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
                letters += IsMark(rune) ? 0 : 1;
                continue;
            }

            Flush();
        }

        Flush();
        return words.Distinct(StringComparer.Ordinal).ToList();

        void Flush()
        {
            if (letters > longerThan)
            {
                words.Add(word.ToString());
            }

            word.Clear();
            letters = 0;
        }
    }

    private static HashSet<string> TextWords(string text) => new(Words(text, 0), StringComparer.Ordinal);

    private static CodeFit Score(HashSet<string> textWords, Code code)
    {
        var nameWords = Words(code.Name, 2);
        var memoWords = Words(code.Memo, 3);
        var matchedName = nameWords.Where(textWords.Contains).ToList();
        var matchedMemo = memoWords.Where(textWords.Contains).ToList();
        var score = Share(NameWeight, matchedName.Count, nameWords.Count) + Share(MemoWeight, matchedMemo.Count, memoWords.Count);
        var confidence = Math.Clamp((int)Math.Round(score, MidpointRounding.AwayFromZero), MinConfidence, MaxConfidence);
        return new CodeFit(code, confidence, matchedName, matchedMemo);
    }

    private static double Share(int weight, int matched, int total) => total == 0 ? 0 : (double)weight * matched / total;

    private static bool IsMark(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
