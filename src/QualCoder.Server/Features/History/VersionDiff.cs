using System.Text.Json;

namespace QualCoder.Server.Features.History;

public sealed record DiffCounts(int Added, int Removed, int Changed);

/// <summary>One change in the project's terms; for memos, <c>TextDiff</c> shows it word by word.</summary>
public sealed record DiffChange(
    string Area, string Kind, Guid Id, string Name, string? Before, string? After, string? Detail, IReadOnlyList<TextDiffPart>? TextDiff);

/// <summary>A stored event as the diff shows it raw (a source's text left out).</summary>
public sealed record RawEvent(long Sequence, string Type, Guid StreamId, Guid? Actor, DateTimeOffset At, JsonElement Data);

/// <summary>What changed between two versions: in the project's terms, counted, and as the raw events between them.</summary>
public sealed record VersionDiff(
    int From,
    int To,
    DiffCounts Stats,
    IReadOnlyDictionary<string, DiffCounts> Areas,
    IReadOnlyList<DiffChange> Changes,
    int ChangesTotal,
    IReadOnlyList<RawEvent> Events,
    int EventsTotal)
{
    public const int MaxChanges = 2000;
    public const int MaxEvents = 500;

    public static readonly string[] AreaNames = ["codes", "categories", "sources", "folders", "codings", "memos", "project"];

    public static VersionDiff Of(
        int from, int to, IReadOnlyList<DiffChange> changes, IReadOnlyList<RawEvent> events, int eventsTotal)
    {
        var areas = AreaNames.ToDictionary(a => a, a => Count(changes.Where(c => c.Area == a)));
        return new VersionDiff(from, to, Count(changes), areas, [.. changes.Take(MaxChanges)], changes.Count, events, eventsTotal);
    }

    private static DiffCounts Count(IEnumerable<DiffChange> changes)
    {
        int added = 0, removed = 0, changed = 0;
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case DiffKinds.Added: added++; break;
                case DiffKinds.Removed or DiffKinds.Merged: removed++; break;
                default: changed++; break;
            }
        }

        return new DiffCounts(added, removed, changed);
    }
}

public static class DiffKinds
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Renamed = "renamed";
    public const string Recoloured = "recoloured";
    public const string Moved = "moved";
    public const string Merged = "merged";
    public const string Changed = "changed";
}
