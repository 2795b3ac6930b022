namespace QualCoder.Server.Features.History;

/// <summary>
/// What a version is called, in QualCoder v2's style: the event's name for a single event (<c>coding.code_created</c>),
/// "Restored to version N" for a restore, otherwise the counts per area (<c>coding: 3 events, sources: 1 event</c>).
/// </summary>
public static class VersionMessages
{
    public const string History = "history";

    /// <summary>The area of an event type (Marten's snake_case type name); unknown types count as "other" rather than vanish.</summary>
    public static string AreaOf(string type) => type switch
    {
        "project_restored" => History,
        // Before the coding prefixes: a suggested code ("code_suggested") is a suggestion, not a code.
        _ when type.EndsWith("_suggested", StringComparison.Ordinal) || type.StartsWith("suggestion_", StringComparison.Ordinal) => "suggestions",
        _ when type.StartsWith("project_", StringComparison.Ordinal) || type.StartsWith("member_", StringComparison.Ordinal) => "projects",
        _ when type.StartsWith("source_", StringComparison.Ordinal) || type.StartsWith("folder_", StringComparison.Ordinal) => "sources",
        _ when type.StartsWith("code_", StringComparison.Ordinal) || type.StartsWith("codes_", StringComparison.Ordinal)
            || type.StartsWith("category_", StringComparison.Ordinal) || type.StartsWith("segment_", StringComparison.Ordinal) => "coding",
        _ => "other",
    };

    /// <param name="areas">events per area</param>
    /// <param name="singleType">the type of the only event, when the version has exactly one</param>
    /// <param name="restoredTo">the version a restore in this version went back to</param>
    public static string Describe(IReadOnlyDictionary<string, int> areas, string? singleType, int? restoredTo)
    {
        if (restoredTo is { } version)
        {
            return $"Restored to version {version}";
        }

        if (singleType is not null)
        {
            return $"{AreaOf(singleType)}.{singleType}";
        }

        return string.Join(", ", areas
            .Where(a => a.Value > 0)
            .OrderBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => $"{a.Key}: {a.Value} {(a.Value == 1 ? "event" : "events")}"));
    }
}
