using Marten;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>How a suggesting command stores what it decided: each suggestion's event starts that suggestion's own stream.</summary>
internal static class SuggestionStreams
{
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
        _ => throw new ArgumentException($"{@event.GetType().Name} does not start a suggestion."),
    };
}
