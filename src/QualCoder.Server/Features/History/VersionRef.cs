using System.Globalization;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.History;

/// <summary>
/// QualCoder v2's snapshot references, for the agents' tools: a version number ("12"), <c>HEAD</c> (the newest
/// version) or <c>HEAD~N</c> (N versions before it). HEAD~N may reach 0, the empty project, where the caller allows it.
/// </summary>
public static class VersionRef
{
    public static DomainError? Resolve(string? reference, int? newest, string prefix, string parameter, out int number)
    {
        number = 0;
        var text = reference?.Trim() ?? "";
        if (text.Length == 0)
        {
            return DomainError.Invalid($"{prefix}/MISSING_PARAM", $"Give {parameter}: a version number, HEAD or HEAD~N.");
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        var back = 0;
        if (!text.Equals("HEAD", StringComparison.OrdinalIgnoreCase)
            && !(text.StartsWith("HEAD~", StringComparison.OrdinalIgnoreCase)
                 && int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out back)))
        {
            return DomainError.Invalid(
                $"{prefix}/INVALID_REF", $"{parameter} '{text}' is not a version reference: use a version number (as list_snapshots shows it), HEAD or HEAD~N.");
        }

        if (newest is not { } head)
        {
            return VersionLookup.NoVersions(prefix);
        }

        if (back > head)
        {
            return DomainError.NotFound($"{prefix}/VERSION_NOT_FOUND", $"{text} goes back beyond the first version: the project has {head} version(s).");
        }

        number = head - back;
        return null;
    }
}
