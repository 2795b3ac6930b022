using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Suggestions;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Suggestions.GivenSuggestions;

namespace QualCoder.Server.Tests.Features.Suggestions;

public class SuggestCodingsDecisionTests
{
    private static readonly IReadOnlyDictionary<Guid, SourceToSuggestOn> Sources = new Dictionary<Guid, SourceToSuggestOn>
    {
        [InterviewId] = new(Interview().Source, new CodePointText(InterviewText)),
    };

    private static Decision Decide(Actor actor, Guid? batchId, params CodingSuggestionItem[] items) =>
        SuggestCodingsHandler.Decide(Team(), TheCodebook(), Sources, new SuggestCodings(ProjectId, batchId, items, actor), Now);

    private static CodingSuggestionItem At(int? start, int? end, string? quote = null, Guid? codeId = null, Guid? sourceId = null, int? confidence = null, Guid? id = null) =>
        new(id ?? SuggestionId, sourceId ?? InterviewId, codeId ?? HopeCode, new SegmentAnchor(start, end, quote, null), null, confidence);

    [Fact]
    public void a_suggested_coding_keeps_its_quote_and_the_text_around_it_in_code_points() =>
        Accepted(Decide(Coder, BatchId, At(17, 21)), HopeSuggested() with { At = Now });

    [Fact]
    public void a_quote_is_resolved_to_its_span() =>
        Accepted(Decide(Coder, BatchId, At(null, null, "Hope kept")), HopeSuggested() with { At = Now, End = 26, Quote = "Hope kept", ContextAfter = " us going, and fear kept us careful. Hope again." });

    [Fact]
    public void context_is_at_most_eighty_code_points_each_side()
    {
        var (before, after) = SuggestionRules.ContextOf(new CodePointText(new string('a', 100) + "🎉" + new string('b', 100)), 100, 101);

        Assert.Equal((new string('a', 80), new string('b', 80)), (before, after));
    }

    [Fact]
    public void a_batch_suggests_each_item_under_one_batch_id()
    {
        var decision = Decide(Coder, BatchId, At(17, 21), At(41, 45, codeId: FearCode, id: OtherSuggestionId));

        Assert.Null(decision.Error);
        Assert.Equal([(SuggestionId, BatchId, "Hope"), (OtherSuggestionId, BatchId, "fear")],
            decision.Events.Cast<CodingSuggested>().Select(e => (e.SuggestionId, e.BatchId!.Value, e.Quote)));
    }

    [Fact]
    public void a_span_outside_the_source_is_refused_with_the_item_named()
    {
        var error = Refused(Decide(Coder, BatchId, At(17, 21), At(70, 75, id: OtherSuggestionId)), "CODING_NOT_SUGGESTED/INVALID_POSITION", ErrorKind.Invalid);

        Assert.StartsWith("Item 1: ", error.Message);
    }

    [Fact]
    public void an_ambiguous_quote_is_refused() =>
        Refused(Decide(Coder, null, At(null, null, "Hope")), "CODING_NOT_SUGGESTED/QUOTE_AMBIGUOUS", ErrorKind.Invalid);

    [Fact]
    public void an_unknown_source_or_code_is_invalid()
    {
        Refused(Decide(Coder, null, At(17, 21, sourceId: UnknownSourceId)), "CODING_NOT_SUGGESTED/SOURCE_NOT_FOUND", ErrorKind.Invalid);
        Refused(Decide(Coder, null, At(17, 21, codeId: UnknownCode)), "CODING_NOT_SUGGESTED/CODE_NOT_FOUND", ErrorKind.Invalid);
    }

    [Fact]
    public void confidence_is_a_percentage() =>
        Refused(Decide(Coder, null, At(17, 21, confidence: 120)), "CODING_NOT_SUGGESTED/INVALID_CONFIDENCE", ErrorKind.Invalid);

    [Fact]
    public void an_empty_batch_is_invalid() =>
        Refused(Decide(Coder, BatchId), "CODING_NOT_SUGGESTED/INVALID_BATCH", ErrorKind.Invalid);

    [Fact]
    public void a_viewer_cannot_suggest() =>
        Refused(Decide(Viewer, null, At(17, 21)), "CODING_NOT_SUGGESTED/FORBIDDEN", ErrorKind.Forbidden);
}
