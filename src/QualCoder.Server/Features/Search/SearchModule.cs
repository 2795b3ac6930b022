using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Search;

/// <summary>Search: finding passages of a project's sources like a given text (PostgreSQL full-text and trigram indexes).</summary>
public static class SearchModule
{
    public static void ConfigureSearch(this StoreOptions store)
    {
        SourcePassages.AddTable(store);
        store.Projections.Add(new SourcePassagesProjection(SourcePassages.QualifiedName(store)), ProjectionLifecycle.Inline);
    }

    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
        SimilarContent.Map(app.MapGroup("/api/projects/{projectId:guid}").WithTags("Search"));
        return app;
    }
}
