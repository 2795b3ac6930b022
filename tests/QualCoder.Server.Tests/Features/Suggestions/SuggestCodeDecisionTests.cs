using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Suggestions;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Suggestions.GivenSuggestions;

namespace QualCoder.Server.Tests.Features.Suggestions;

public class SuggestCodeDecisionTests
{
    private static Decision Decide(
        Actor actor, string name, string? rationale = "Recurs in every interview.", string? color = null, int? confidence = null, IReadOnlyList<string>? samples = null) =>
        SuggestCodeHandler.Decide(Team(), TheCodebook(), new SuggestCode(ProjectId, SuggestionId, name, rationale, color, "  When nurses tire. ", confidence, samples, actor), Now);

    [Fact]
    public void a_coder_suggests_a_code_grey_at_70_percent_unless_told_otherwise()
    {
        var suggested = Assert.IsType<CodeSuggested>(Assert.Single(Decide(Coder, " Tiredness ", samples: ["We were tired.", "  "]).Events));

        Assert.Equal(
            new CodeSuggested(ProjectId, SuggestionId, "Tiredness", "#808080", "When nurses tire.", 70, "Recurs in every interview.", suggested.SampleContexts, Coder, Now),
            suggested);
        Assert.Equal(["We were tired."], suggested.SampleContexts);
    }

    [Fact]
    public void a_viewer_cannot_suggest() =>
        Refused(Decide(Viewer, "Tiredness"), "CODE_NOT_SUGGESTED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() =>
        Refused(Decide(Outsider, "Tiredness"), "CODE_NOT_SUGGESTED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_name_the_codebook_has_in_any_case_is_a_conflict_at_once() =>
        Refused(Decide(Coder, "HOPE"), "CODE_NOT_SUGGESTED/DUPLICATE_NAME", ErrorKind.Conflict);

    [Fact]
    public void the_rationale_is_required() =>
        Refused(Decide(Coder, "Tiredness", rationale: "  "), "CODE_NOT_SUGGESTED/MISSING_PARAM", ErrorKind.Invalid);

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void confidence_is_a_percentage(int confidence) =>
        Refused(Decide(Coder, "Tiredness", confidence: confidence), "CODE_NOT_SUGGESTED/INVALID_CONFIDENCE", ErrorKind.Invalid);

    [Fact]
    public void the_colour_follows_the_codebook_rule() =>
        Refused(Decide(Coder, "Tiredness", color: "grey"), "CODE_NOT_SUGGESTED/INVALID_COLOR", ErrorKind.Invalid);

    [Fact]
    public void at_most_twenty_samples() =>
        Refused(Decide(Coder, "Tiredness", samples: [.. Enumerable.Range(0, 21).Select(i => $"sample {i}")]), "CODE_NOT_SUGGESTED/TOO_MANY_SAMPLES", ErrorKind.Invalid);
}
