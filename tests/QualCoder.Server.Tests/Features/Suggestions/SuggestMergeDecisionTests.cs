using QualCoder.Server.Domain;
using QualCoder.Server.Features.Suggestions;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Suggestions.GivenSuggestions;

namespace QualCoder.Server.Tests.Features.Suggestions;

public class SuggestMergeDecisionTests
{
    private static Decision Decide(Guid source, Guid target, string? rationale = "Two sides of one feeling.", Actor? actor = null) =>
        SuggestMergeHandler.Decide(Team(), TheCodebook(), new SuggestMerge(ProjectId, SuggestionId, source, target, rationale, null, actor ?? Coder), Now);

    [Fact]
    public void a_coder_suggests_merging_two_codes_with_their_names_kept_for_the_reviewer() =>
        Accepted(Decide(FearCode, HopeCode), new MergeSuggested(ProjectId, SuggestionId, FearCode, "Fear", HopeCode, "Hope", "Two sides of one feeling.", 70, Coder, Now));

    [Fact]
    public void a_code_the_codebook_lacks_is_invalid_since_its_id_came_in_the_body() =>
        Refused(Decide(UnknownCode, HopeCode), "MERGE_NOT_SUGGESTED/CODE_NOT_FOUND", ErrorKind.Invalid);

    [Fact]
    public void a_code_cannot_be_merged_into_itself() =>
        Refused(Decide(HopeCode, HopeCode), "MERGE_NOT_SUGGESTED/SAME_CODE", ErrorKind.Invalid);

    [Fact]
    public void the_rationale_is_required() =>
        Refused(Decide(FearCode, HopeCode, rationale: null), "MERGE_NOT_SUGGESTED/MISSING_PARAM", ErrorKind.Invalid);

    [Fact]
    public void a_viewer_cannot_suggest() =>
        Refused(Decide(FearCode, HopeCode, actor: Viewer), "MERGE_NOT_SUGGESTED/FORBIDDEN", ErrorKind.Forbidden);
}
