namespace QualCoder.Server.Domain;

/// <summary>The one rule for user-given names: trimmed, then 1..max characters (counted in code points).</summary>
public static class Names
{
    /// <summary>Trims <paramref name="raw"/>; answers the error (under <paramref name="codePrefix"/>) when it is empty or too long.</summary>
    public static DomainError? Check(string? raw, int maxLength, string codePrefix, string what, out string name)
    {
        name = (raw ?? "").Trim();
        if (name.Length == 0)
        {
            return DomainError.Invalid($"{codePrefix}/EMPTY_NAME", $"The {what} must not be empty.");
        }

        var length = name.EnumerateRunes().Count();
        return length > maxLength
            ? DomainError.Invalid($"{codePrefix}/NAME_TOO_LONG", $"The {what} has {length} characters; at most {maxLength} are allowed.")
            : null;
    }
}
