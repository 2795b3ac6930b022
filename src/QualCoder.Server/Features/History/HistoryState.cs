namespace QualCoder.Server.Features.History;

public sealed record HistoryFolder(Guid Id, string Name, Guid? ParentId);

public sealed record HistoryCategory(Guid Id, string Name, Guid? ParentId, string Memo);

public sealed record HistoryCode(Guid Id, string Name, string Color, string Memo, Guid? CategoryId);

/// <summary>A source as history sees it: everything but its text, which never changes and is never restored.</summary>
public sealed record HistorySource(Guid Id, string Name, Guid? FolderId, string Memo, string Origin, bool IsDeleted);

public sealed record HistoryCoding(
    Guid Id, Guid SourceId, Guid CodeId, int Start, int End, string Quote, string Memo, int Importance, Guid CoderId);

/// <summary>
/// A project's content at one point of its event history: what a restore brings back and a diff compares.
/// Members and suggestions are deliberately absent: they are access control and review workflow, not content.
/// Deleted sources stay (flagged), since only they can be brought back.
/// </summary>
public sealed record HistoryState(
    string ProjectName,
    string ProjectDescription,
    IReadOnlyDictionary<Guid, HistoryFolder> Folders,
    IReadOnlyDictionary<Guid, HistoryCategory> Categories,
    IReadOnlyDictionary<Guid, HistoryCode> Codes,
    IReadOnlyDictionary<Guid, HistorySource> Sources,
    IReadOnlyDictionary<Guid, HistoryCoding> Codings)
{
    public static readonly HistoryState Empty = new(
        "", "", new Dictionary<Guid, HistoryFolder>(), new Dictionary<Guid, HistoryCategory>(),
        new Dictionary<Guid, HistoryCode>(), new Dictionary<Guid, HistorySource>(), new Dictionary<Guid, HistoryCoding>());

    public bool IsLive(Guid sourceId) => Sources.TryGetValue(sourceId, out var source) && !source.IsDeleted;
}
