using System.Text.Json.Serialization;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Coding;

/// <summary>
/// A code was applied to the span [Start, End) of a text source, in code points, by the actor (the segment's
/// coder). Appended to the source's stream: positions and overlap are checked against that one stream.
/// A restore re-creates someone else's coding: then <c>CoderId</c> names its coder, and the actor is who restored it.
/// </summary>
public sealed record SegmentCoded(
    Guid ProjectId, Guid SourceId, Guid SegmentId, Guid CodeId, int Start, int End, string Quote, string Memo, int Importance,
    Actor Actor, DateTimeOffset At,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? CoderId = null)
{
    [JsonIgnore]
    public Guid Coder => CoderId ?? Actor.AccountId;
}

/// <summary>A coding was removed (by hand, with its source, or with its code).</summary>
public sealed record SegmentUncoded(Guid ProjectId, Guid SourceId, Guid SegmentId, Actor Actor, DateTimeOffset At);

public sealed record SegmentMemoChanged(Guid ProjectId, Guid SourceId, Guid SegmentId, string Memo, Actor Actor, DateTimeOffset At);

/// <summary>Importance 0 (none), 1 (important) or 2 (very important), as QualCoder marks it.</summary>
public sealed record SegmentImportanceSet(Guid ProjectId, Guid SourceId, Guid SegmentId, int Importance, Actor Actor, DateTimeOffset At);

/// <summary>A coding's boundaries changed; the quote is the text of the new span.</summary>
public sealed record SegmentResized(Guid ProjectId, Guid SourceId, Guid SegmentId, int Start, int End, string Quote, Actor Actor, DateTimeOffset At);

/// <summary>A coding now carries another code (changed in place, or because its code was merged into another).</summary>
public sealed record SegmentRecoded(Guid ProjectId, Guid SourceId, Guid SegmentId, Guid CodeId, Actor Actor, DateTimeOffset At);

/// <summary>
/// One coding as a document, kept in step with the source streams in the same transaction (<see cref="SegmentProjection"/>). Segment queries
/// (a source's codings, a code's codings, counts) read these rows through indexed columns.
/// </summary>
public sealed record Segment(
    Guid Id,
    Guid ProjectId,
    Guid SourceId,
    Guid CodeId,
    Guid CoderId,
    int Start,
    int End,
    string Quote,
    string Memo,
    int Importance,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool Overlaps(int start, int end) => Start < end && start < End;

    public static Segment Create(SegmentCoded e) => new(
        e.SegmentId, e.ProjectId, e.SourceId, e.CodeId, e.Coder, e.Start, e.End, e.Quote, e.Memo, e.Importance, e.At, e.At);
}
