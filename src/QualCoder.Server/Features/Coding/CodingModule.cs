using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Coding;

/// <summary>Codings (segments) of text sources: events in the source streams, one row per coding to query.</summary>
public static class CodingModule
{
    public static void ConfigureCoding(this StoreOptions store)
    {
        store.Projections.Add<SegmentProjection>(ProjectionLifecycle.Inline);
        store.Schema.For<Segment>()
            .Duplicate(s => s.ProjectId)
            .Duplicate(s => s.SourceId)
            .Duplicate(s => s.CodeId)
            .Duplicate(s => s.CoderId)
            // The overlap check of every coding asks for one coder's codings of some codes in one source.
            .Index([s => s.SourceId, s => s.CoderId, s => s.CodeId], index => index.Name = "mt_doc_segment_idx_source_coder_code");
    }

    public static IEndpointRouteBuilder MapCoding(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/api/projects/{projectId:guid}").WithTags("Coding");
        var segments = project.MapGroup("/segments");
        ApplyCoding.Map(segments);
        ApplyInVivoCodeHandler.Map(segments);
        RemoveCodingHandler.Map(segments);
        ChangeSegmentMemoHandler.Map(segments);
        SetSegmentImportanceHandler.Map(segments);
        ResizeSegmentHandler.Map(segments);
        RecodeSegmentHandler.Map(segments);
        SegmentQueries.MapSegmentsOfSource(project);
        SegmentQueries.MapSegmentsOfCode(project);
        UncodedRanges.Map(project);
        CodingCounts.Map(project);
        return app;
    }
}
