using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>Proposals by agents (codes, codings, merges, source metadata), one stream each, pending until a person approves or rejects them.</summary>
public static class SuggestionsModule
{
    public static void ConfigureSuggestions(this StoreOptions store)
    {
        store.Projections.Snapshot<Suggestion>(SnapshotLifecycle.Inline);
        store.Schema.For<Suggestion>()
            .Duplicate(s => s.ProjectId)
            .Duplicate(s => s.BatchId);
    }

    public static RouteGroupBuilder MapSuggestions(this IEndpointRouteBuilder app)
    {
        var suggestions = app.MapGroup("/api/projects/{projectId:guid}/suggestions").WithTags("Suggestions");
        SuggestionQueries.MapList(suggestions);
        SuggestionQueries.MapGet(suggestions);
        ApproveSuggestionHandler.Map(suggestions);
        RejectSuggestionHandler.Map(suggestions);
        SuggestionBatchStatus.Map(suggestions);
        ApproveSuggestionBatchHandler.Map(suggestions);
        RejectSuggestionBatchHandler.Map(suggestions);
        return suggestions;
    }
}
