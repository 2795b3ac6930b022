namespace QualCoder.Server.Domain;

/// <summary>The one rule for memos: trimmed, at most 10,000 characters (code points); empty clears the memo.</summary>
public static class Memos
{
    public const int MaxLength = 10_000;

    public static DomainError? Check(string? raw, string codePrefix, out string memo)
    {
        memo = (raw ?? "").Trim();
        return CodePointText.CountCodePoints(memo) > MaxLength
            ? DomainError.Invalid($"{codePrefix}/MEMO_TOO_LONG", $"A memo may have at most {MaxLength} characters.")
            : null;
    }

    /// <summary>Cuts a memo the server composed itself (joined memos of merged codings) to the limit.</summary>
    public static string Fit(string memo) =>
        CodePointText.CountCodePoints(memo) <= MaxLength ? memo : string.Concat(memo.EnumerateRunes().Take(MaxLength));
}
