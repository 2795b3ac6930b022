using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Sources;

/// <summary>A text source was added. The event carries the full text (line endings already \n); it never changes afterwards.</summary>
public sealed record SourceAdded(
    Guid ProjectId, Guid SourceId, string Name, string Text, string Format, string Memo, string Origin, Guid? FolderId,
    Actor Actor, DateTimeOffset At);

public sealed record SourceRenamed(Guid ProjectId, Guid SourceId, string Name, Actor Actor, DateTimeOffset At);

public sealed record SourceMemoChanged(Guid ProjectId, Guid SourceId, string Memo, Actor Actor, DateTimeOffset At);

public sealed record SourceOriginChanged(Guid ProjectId, Guid SourceId, string Origin, Actor Actor, DateTimeOffset At);

/// <summary>A source moved into a folder, or to the root (FolderId null).</summary>
public sealed record SourceMovedToFolder(Guid ProjectId, Guid SourceId, Guid? FolderId, Actor Actor, DateTimeOffset At);

/// <summary>A source was deleted with all its codings; its events stay in the store.</summary>
public sealed record SourceDeleted(Guid ProjectId, Guid SourceId, int SegmentsRemoved, Actor Actor, DateTimeOffset At);

/// <summary>A deleted source came back (a restore of the project's history); its codings come back as their own events.</summary>
public sealed record SourceRestored(Guid ProjectId, Guid SourceId, Actor Actor, DateTimeOffset At);

/// <summary>
/// A source's stream folded into one small document (inline snapshot): everything about the source except its
/// text, which lives in <see cref="SourceText"/> so that coding a 5 MB transcript never loads it as state.
/// </summary>
public sealed record Source(
    Guid Id,
    Guid ProjectId,
    string Name,
    string Format,
    string Memo,
    string Origin,
    Guid? FolderId,
    int Length,
    bool IsDeleted,
    Actor CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public long Version { get; set; }

    /// <summary>The lower-cased name while the source exists, null once deleted: a unique index per project on it.</summary>
    public string? NameKey => IsDeleted ? null : Name.ToLowerInvariant();

    public bool BelongsTo(Guid projectId) => !IsDeleted && ProjectId == projectId;

    public static Source Create(SourceAdded e) => new(
        e.SourceId, e.ProjectId, e.Name, e.Format, e.Memo, e.Origin, e.FolderId, CodePointText.CountCodePoints(e.Text), false, e.Actor, e.At, e.At);

    public Source Apply(SourceRenamed e) => this with { Name = e.Name, UpdatedAt = e.At };

    public Source Apply(SourceMemoChanged e) => this with { Memo = e.Memo, UpdatedAt = e.At };

    public Source Apply(SourceOriginChanged e) => this with { Origin = e.Origin, UpdatedAt = e.At };

    public Source Apply(SourceMovedToFolder e) => this with { FolderId = e.FolderId, UpdatedAt = e.At };

    public Source Apply(SourceDeleted e) => this with { IsDeleted = true, UpdatedAt = e.At };

    public Source Apply(SourceRestored e) => this with { IsDeleted = false, UpdatedAt = e.At };
}

/// <summary>The text of a source, stored once at import and read in pages or when a coding needs its quote.</summary>
public sealed record SourceText(Guid Id, Guid ProjectId, string Text);
