using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;

namespace QualCoder.Server.Features.Sources;

/// <summary>Text sources: one stream per source, its text kept once beside it.</summary>
public static class SourcesModule
{
    public static void ConfigureSources(this StoreOptions store)
    {
        store.Projections.Snapshot<Source>(SnapshotLifecycle.Inline);
        store.Projections.Add<SourceTextProjection>(ProjectionLifecycle.Inline);
        store.Schema.For<Source>()
            .Duplicate(s => s.ProjectId)
            .UniqueIndex(UniqueIndexType.Computed, "source_name_unique_per_project", s => s.ProjectId, s => s.NameKey!);
        store.Schema.For<SourceText>().Duplicate(t => t.ProjectId);
    }

    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder app)
    {
        var sources = app.MapGroup("/api/projects/{projectId:guid}/sources").WithTags("Sources");
        ListSources.Map(sources);
        GetSource.Map(sources);
        ReadSourceText.Map(sources);
        AddSourceHandler.Map(sources);
        UploadSource.Map(sources);
        RenameSourceHandler.Map(sources);
        ChangeSourceMemoHandler.Map(sources);
        ChangeSourceOriginHandler.Map(sources);
        MoveSourceToFolderHandler.Map(sources);
        DeleteSourceHandler.Map(sources);
        return sources;
    }
}
