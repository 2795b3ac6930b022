using JasperFx.Events;
using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>How suggestion commands load what they decide on and store what they decided.</summary>
internal static class SuggestionStreams
{
    /// <summary>The project and its codebook in one round trip: what a code or merge suggestion is checked against.</summary>
    public static async Task<(Project? Project, Codebook.Codebook? Codebook)> ProjectAndCodebookAsync(IQuerySession session, Guid projectId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var codebookLoad = batch.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId));
        await batch.Execute(ct);
        return (await projectLoad, await codebookLoad);
    }

    /// <summary>
    /// The project and the streams of a batch's suggestions, for writing. <paramref name="exclusive"/> takes their row
    /// locks in id order (so two batch reviews cannot deadlock) inside the transaction this begins.
    /// </summary>
    public static async Task<(Project? Project, Dictionary<Guid, IEventStream<Suggestion>> Streams)> FetchBatchAsync(
        IDocumentSession session, Guid projectId, Guid batchId, bool exclusive, CancellationToken ct)
    {
        if (exclusive)
        {
            await session.BeginTransactionAsync(ct);
        }

        var ids = await SuggestionQueries.IdsInBatchAsync(session, projectId, batchId, ct);
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var streamLoads = ids.Order()
            .Select(id => exclusive ? batch.Events.FetchForExclusiveWriting<Suggestion>(id) : batch.Events.FetchForWriting<Suggestion>(id))
            .ToList();
        await batch.Execute(ct);
        var streams = new Dictionary<Guid, IEventStream<Suggestion>>();
        foreach (var load in streamLoads)
        {
            var stream = await load;
            streams[stream.Id] = stream;
        }

        return (await projectLoad, streams);
    }

    /// <summary>Stores a suggesting decision: each suggestion's event starts that suggestion's own stream.</summary>
    public static CommandOutcome Start(IDocumentSession session, Decision decision)
    {
        if (decision.Error is { } error)
        {
            return CommandOutcome.Rejected(error);
        }

        foreach (var @event in decision.Events)
        {
            session.Events.StartStream<Suggestion>(IdOf(@event), @event);
        }

        return CommandOutcome.Accepted(1);
    }

    private static Guid IdOf(object @event) => @event switch
    {
        CodeSuggested e => e.SuggestionId,
        CodingSuggested e => e.SuggestionId,
        MergeSuggested e => e.SuggestionId,
        SourceMetadataSuggested e => e.SuggestionId,
        _ => throw new ArgumentException($"{@event.GetType().Name} does not start a suggestion."),
    };
}
