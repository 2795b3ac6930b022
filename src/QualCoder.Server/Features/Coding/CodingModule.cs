using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Coding;

/// <summary>Codings (segments) of text sources: events in the source streams, one row per coding to query.</summary>
public static class CodingModule
{
    public static void ConfigureCoding(this StoreOptions store)
    {
        store.Projections.Add<SegmentProjection>(ProjectionLifecycle.Inline);
        store.Projections.Add<SegmentsOfDeletedSourceProjection>(ProjectionLifecycle.Inline);
        store.Schema.For<Segment>()
            .Duplicate(s => s.ProjectId)
            .Duplicate(s => s.SourceId)
            .Duplicate(s => s.CodeId);
    }
}
