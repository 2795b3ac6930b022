using System.Globalization;
using System.Text;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Two codes that may mean the same thing: A before B by name, their similarity (0..1, 2 decimals) and why.</summary>
public sealed record DuplicateCandidate(Code A, Code B, double Similarity, string Rationale);

/// <summary>
/// Codes that may mean the same thing, by the words they share (QualCoder v2's heuristic, made explainable): the
/// similarity of two texts is the Jaccard index of their lower-cased word sets (shared words / all words); two
/// codes compare by name, or by 0.6 x name + 0.4 x memo when both have a memo. Word order, case and punctuation
/// do not count, so "Fear of failure" and "failure, fear of" are the same (1.0).
/// </summary>
public static class DuplicateCodes
{
    public const double DefaultThreshold = 0.8;

    private const double NameWeight = 0.6;

    /// <summary>The pairs of codes at or above <paramref name="threshold"/>, most similar first, then by name.</summary>
    public static IReadOnlyList<DuplicateCandidate> Find(IEnumerable<Code> codes, double threshold)
    {
        var described = codes
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (Code: c, Name: Words(c.Name), Memo: Words(c.Memo)))
            .ToList();
        var candidates = new List<DuplicateCandidate>();
        for (var i = 0; i < described.Count; i++)
        {
            for (var j = i + 1; j < described.Count; j++)
            {
                var (a, b) = (described[i], described[j]);
                if (Compare(a.Code, a.Name, a.Memo, b.Code, b.Name, b.Memo) is { } candidate && candidate.Similarity >= threshold)
                {
                    candidates.Add(candidate);
                }
            }
        }

        return [.. candidates.OrderByDescending(c => c.Similarity)];
    }

    /// <summary>How alike two codes are, 0..1 rounded to 2 decimals.</summary>
    public static double Similarity(Code a, Code b) =>
        Compare(a, Words(a.Name), Words(a.Memo), b, Words(b.Name), Words(b.Memo))?.Similarity ?? 0;

    /// <summary>The Jaccard index of two word sets: 0 when either is empty (nothing to compare).</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count == 0 || b.Count == 0 ? 0 : (double)a.Count(b.Contains) / a.Union(b).Count();

    /// <summary>A text's words: runs of letters and digits (any script), lower-cased.</summary>
    public static IReadOnlySet<string> Words(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var rune in (text ?? "").EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static DuplicateCandidate? Compare(
        Code a, IReadOnlySet<string> aName, IReadOnlySet<string> aMemo, Code b, IReadOnlySet<string> bName, IReadOnlySet<string> bMemo)
    {
        var name = Jaccard(aName, bName);
        var withMemos = aMemo.Count > 0 && bMemo.Count > 0;
        var memo = withMemos ? Jaccard(aMemo, bMemo) : 0;
        var similarity = Math.Round(withMemos ? NameWeight * name + (1 - NameWeight) * memo : name, 2, MidpointRounding.AwayFromZero);
        if (similarity <= 0)
        {
            return null;
        }

        var rationale = $"{Verdict(similarity)}: the names share {Shared(aName, bName)}";
        rationale += withMemos
            ? $", the memos {Shared(aMemo, bMemo)} (name {Percent(name)} x 0.6 + memo {Percent(memo)} x 0.4)."
            : " (names only: at least one of the codes has no memo).";
        return new DuplicateCandidate(a, b, similarity, rationale);
    }

    /// <summary>How QualCoder's review screen reads a similarity.</summary>
    private static string Verdict(double similarity) => similarity switch
    {
        >= 0.9 => "Likely duplicates",
        >= 0.7 => "Worth a review",
        _ => "Probably distinct",
    };

    private static string Shared(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var shared = a.Where(b.Contains).Order(StringComparer.Ordinal).ToList();
        var all = a.Union(b).Count();
        return shared.Count == 0
            ? $"none of their {all} words"
            : $"{shared.Count} of their {all} words ({string.Join(", ", shared.Take(8).Select(w => $"\"{w}\""))}{(shared.Count > 8 ? ", ..." : "")})";
    }

    private static string Percent(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
