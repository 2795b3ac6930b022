using Marten;
using Marten.Events.Projections;
using Marten.Patching;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Coding;

/// <summary>
/// Keeps one <see cref="Segment"/> row per coding in step with the source streams, inline (queryable the moment
/// its command commits). It writes without reading: a new coding is stored, a change is a patch of its fields, a
/// removal a delete, so applying 10,000 codings or recoding a merged code's codings never loads a row first.
/// </summary>
public sealed partial class SegmentProjection : EventProjection
{
    public Segment Create(SegmentCoded e) => Segment.Create(e);

    public void Project(SegmentUncoded e, IDocumentOperations operations) => operations.Delete<Segment>(e.SegmentId);

    public void Project(SegmentMemoChanged e, IDocumentOperations operations) =>
        operations.Patch<Segment>(e.SegmentId).Set(s => s.Memo, e.Memo).Set(s => s.UpdatedAt, e.At);

    public void Project(SegmentImportanceSet e, IDocumentOperations operations) =>
        operations.Patch<Segment>(e.SegmentId).Set(s => s.Importance, e.Importance).Set(s => s.UpdatedAt, e.At);

    public void Project(SegmentResized e, IDocumentOperations operations) => operations.Patch<Segment>(e.SegmentId)
        .Set(s => s.Start, e.Start).Set(s => s.End, e.End).Set(s => s.Quote, e.Quote).Set(s => s.UpdatedAt, e.At);

    public void Project(SegmentRecoded e, IDocumentOperations operations) =>
        operations.Patch<Segment>(e.SegmentId).Set(s => s.CodeId, e.CodeId).Set(s => s.UpdatedAt, e.At);

    /// <summary>A deleted source takes all its codings' rows with it.</summary>
    public void Project(SourceDeleted e, IDocumentOperations operations) => operations.DeleteWhere<Segment>(s => s.SourceId == e.SourceId);
}
