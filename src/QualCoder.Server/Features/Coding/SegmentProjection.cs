using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Coding;

/// <summary>
/// Folds segment events from every source stream into one <see cref="Segment"/> row per coding (inline, so a
/// coding is queryable the moment its command commits). Marten loads the touched rows in one batch per append.
/// </summary>
public sealed partial class SegmentProjection : MultiStreamProjection<Segment, Guid>
{
    public SegmentProjection()
    {
        Identity<SegmentCoded>(e => e.SegmentId);
        Identity<SegmentUncoded>(e => e.SegmentId);
        Identity<SegmentMemoChanged>(e => e.SegmentId);
        Identity<SegmentImportanceSet>(e => e.SegmentId);
        Identity<SegmentResized>(e => e.SegmentId);
        Identity<SegmentRecoded>(e => e.SegmentId);
        DeleteEvent<SegmentUncoded>();
    }

    public static Segment Create(SegmentCoded e) => Segment.Create(e);

    public static Segment Apply(SegmentMemoChanged e, Segment s) => s.Apply(e);

    public static Segment Apply(SegmentImportanceSet e, Segment s) => s.Apply(e);

    public static Segment Apply(SegmentResized e, Segment s) => s.Apply(e);

    public static Segment Apply(SegmentRecoded e, Segment s) => s.Apply(e);
}

/// <summary>A deleted source takes all its codings' rows with it, in the same transaction.</summary>
public sealed partial class SegmentsOfDeletedSourceProjection : EventProjection
{
    public void Project(IEvent<SourceDeleted> e, IDocumentOperations operations) =>
        operations.DeleteWhere<Segment>(s => s.SourceId == e.Data.SourceId);
}
