using QualCoder.Server.Domain;
using QualCoder.Server.Features.Suggestions;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Suggestions;

/// <summary>Suggestions built as the event store builds them: the suggesting event through Create, reviews through Apply.</summary>
public static class GivenSuggestions
{
    public static readonly Guid SuggestionId = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");
    public static readonly Guid OtherSuggestionId = Guid.Parse("0197a000-0000-7000-8000-0000000000f2");
    public static readonly Guid BatchId = Guid.Parse("0197a000-0000-7000-8000-0000000000f9");

    /// <summary>The agent acts for the coder.</summary>
    public static readonly Actor Agent = Coder;

    public static CodeSuggested CodeSuggestedNamed(string name) =>
        new(ProjectId, SuggestionId, name, "#808080", "", 70, "Nurses keep coming back to it.", [], Agent, Earlier);

    /// <summary>"Hope" at [17, 21) of the interview, in <see cref="BatchId"/>.</summary>
    public static CodingSuggested HopeSuggested(Guid? suggestionId = null) => new(
        ProjectId, suggestionId ?? SuggestionId, BatchId, InterviewId, "Interview 1", HopeCode, "Hope", 17, 21, "Hope", "🎉 We were tired. ", " kept us going, and fear kept us careful. Hope again.",
        70, "", Agent, Earlier);

    public static MergeSuggested MergeSuggested() => new(ProjectId, SuggestionId, FearCode, "Fear", HopeCode, "Hope", "Two sides of one feeling.", 70, Agent, Earlier);

    /// <summary>The interview in English, about care, to be filed in "Interviews".</summary>
    public static SourceMetadataSuggested SourceMetadataSuggested() =>
        new(ProjectId, SuggestionId, InterviewId, "Interview 1", "English", ["care"], "Interviews", "", 70, Agent, Earlier);

    public static Suggestion Fold(object suggested, params object[] reviews)
    {
        var suggestion = suggested switch
        {
            CodeSuggested e => Suggestion.Create(e),
            CodingSuggested e => Suggestion.Create(e),
            MergeSuggested e => Suggestion.Create(e),
            SourceMetadataSuggested e => Suggestion.Create(e),
            _ => throw new ArgumentException($"{suggested.GetType().Name} starts no suggestion."),
        };
        foreach (var review in reviews)
        {
            suggestion = review switch
            {
                SuggestionApproved e => suggestion.Apply(e),
                SuggestionApprovalFailed e => suggestion.Apply(e),
                SuggestionRejected e => suggestion.Apply(e),
                _ => throw new ArgumentException($"A suggestion does not fold {review.GetType().Name}."),
            };
        }

        suggestion.Version = 1 + reviews.Length;
        return suggestion;
    }

    public static SuggestionApproved ApprovedBy(Actor reviewer, Guid? suggestionId = null) =>
        new(ProjectId, suggestionId ?? SuggestionId, Guid.NewGuid(), reviewer, Earlier);

    public static SuggestionRejected RejectedBy(Actor reviewer, Guid? suggestionId = null) =>
        new(ProjectId, suggestionId ?? SuggestionId, "Not about hope.", "", reviewer, Earlier);

    public static SuggestionApprovalFailed FailedFor(Actor reviewer, Guid? suggestionId = null) =>
        new(ProjectId, suggestionId ?? SuggestionId, "SEGMENT_NOT_CODED/OVERLAPPING_SEGMENT", "Overlaps.", reviewer, Earlier);
}
