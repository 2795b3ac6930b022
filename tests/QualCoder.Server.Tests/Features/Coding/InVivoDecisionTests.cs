using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Features.Coding.ApplyInVivoCodeHandler;
using static QualCoder.Server.Tests.Features.Given;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

namespace QualCoder.Server.Tests.Features.Coding;

public class InVivoDecisionTests
{
    private static readonly Guid NotesId = Guid.Parse("0197a000-0000-7000-8000-0000000000c3");
    private static readonly Guid NewCode = Guid.Parse("0197a000-0000-7000-8000-0000000000d5");
    private static readonly Guid BurntOutCode = Guid.Parse("0197a000-0000-7000-8000-0000000000d3");

    /// <summary>
    /// 58 code points. "we  felt\n\tburnt   out" is [10, 31), "burnt   out" [20, 31), the blank "  " [8, 10), "Hope" [46, 50).
    /// </summary>
    private const string Notes = "\U0001FA7A Nurse:  we  felt\n\tburnt   out, every shift. Hope helped.";

    private static ApplyInVivoCode Command(Actor actor, int? start = null, int? end = null, string? quote = null, int? occurrence = null, Guid? newCodeId = null) =>
        new(ProjectId, NotesId, new SegmentAnchor(start, end, quote, occurrence), newCodeId ?? NewCode, SegmentNo(1), actor);

    private static InVivoDecision Decide(ApplyInVivoCode command, CodebookState? codebook = null, SourceForCoding? source = null, Project? project = null) =>
        ApplyInVivoCodeHandler.Decide(project ?? Team(), codebook ?? TheCodebook(), source ?? SourceWithText(NotesId, Notes), command, Now);

    private static CodebookState WithBurntOut() => TheCodebook(CodeCreatedNamed(BurntOutCode, "Burnt Out"));

    private static SegmentCoded Coded(InVivoDecision decision)
    {
        Assert.Null(decision.Error);
        var coding = Assert.IsType<CodingsDecision>(decision.Coding);
        var result = Assert.Single(coding.Results);
        var coded = Assert.Single(coding.Events);
        Assert.Equal(Segment.Create(coded), result.Segment);
        return coded;
    }

    private static DomainError Fails(InVivoDecision decision, string code, ErrorKind kind)
    {
        var error = Assert.IsType<DomainError>(decision.Error);
        Assert.Equal((code, kind), (error.Code, error.Kind));
        return error;
    }

    [Fact]
    public void an_editor_codes_the_selection_with_a_new_code_named_after_its_words()
    {
        var decision = Decide(Command(Editor, 10, 31));

        var created = Assert.IsType<CodeCreated>(decision.NewCode);
        Assert.Equal(new CodeCreated(ProjectId, NewCode, "we felt burnt out", created.Color, "", null, Editor, Now), created);
        Assert.Equal(new Code(NewCode, "we felt burnt out", created.Color, "", null, Editor, Now), decision.Code);
        Assert.Equal(
            new SegmentCoded(ProjectId, NotesId, SegmentNo(1), NewCode, 10, 31, "we  felt\n\tburnt   out", "", 0, Editor, Now),
            Coded(decision));
    }

    [Fact]
    public void the_selection_may_be_given_as_a_quote()
    {
        var decision = Decide(Command(Editor, quote: "burnt   out"));

        Assert.Equal("burnt out", decision.NewCode?.Name);
        var coded = Coded(decision);
        Assert.Equal((20, 31, "burnt   out"), (coded.Start, coded.End, coded.Quote));
    }

    [Fact]
    public void the_name_is_trimmed_of_whitespace_around_the_words()
    {
        var decision = Decide(Command(Editor, 8, 19));

        Assert.Equal("we felt", decision.NewCode?.Name);
        Assert.Equal("  we  felt\n", Coded(decision).Quote);
    }

    [Theory]
    [InlineData("burnt out")]
    [InlineData("Burnt Out")]
    [InlineData("BURNT OUT")]
    public void an_existing_code_of_that_name_in_any_case_is_reused_and_none_is_created(string codeName)
    {
        var codebook = TheCodebook(CodeCreatedNamed(BurntOutCode, codeName));

        var decision = Decide(Command(Editor, 20, 31), codebook);

        Assert.Null(decision.NewCode);
        Assert.Equal(codebook.FindCode(BurntOutCode), decision.Code);
        Assert.Equal(BurntOutCode, Coded(decision).CodeId);
    }

    [Fact]
    public void the_existing_hope_code_is_reused_for_the_word_hope() =>
        Assert.Equal(HopeCode, Coded(Decide(Command(Coder, quote: "Hope"))).CodeId);

    [Fact]
    public void a_coder_may_reuse_an_existing_code()
    {
        var decision = Decide(Command(Coder, quote: "burnt   out"), WithBurntOut());

        Assert.Null(decision.NewCode);
        var coded = Coded(decision);
        Assert.Equal((BurntOutCode, Coder), (coded.CodeId, coded.Actor));
    }

    [Fact]
    public void a_coder_may_not_create_a_code()
    {
        var error = Fails(Decide(Command(Coder, 10, 31)), "IN_VIVO_NOT_CODED/FORBIDDEN", ErrorKind.Forbidden);

        Assert.Contains("\"we felt burnt out\"", error.Message);
        Assert.Null(Decide(Command(Coder, 10, 31)).Coding);
    }

    [Fact]
    public void an_owner_may_create_a_code() => Assert.Equal("burnt out", Decide(Command(Owner, 20, 31)).NewCode?.Name);

    [Fact]
    public void a_viewer_may_not_code_even_with_an_existing_code() =>
        Fails(Decide(Command(Viewer, quote: "Hope")), "IN_VIVO_NOT_CODED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Fails(Decide(Command(Outsider, quote: "Hope")), "IN_VIVO_NOT_CODED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_missing_source_is_not_found()
    {
        var decision = ApplyInVivoCodeHandler.Decide(Team(), TheCodebook(), null, Command(Editor, 10, 31), Now);

        Fails(decision, "IN_VIVO_NOT_CODED/SOURCE_NOT_FOUND", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData(8, 10)]
    [InlineData(18, 20)]
    public void a_selection_of_only_whitespace_is_refused(int start, int end) =>
        Fails(Decide(Command(Editor, start, end)), "IN_VIVO_NOT_CODED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_selection_of_101_code_points_is_refused()
    {
        var source = SourceWithText(NotesId, new string('w', 101));

        Fails(Decide(Command(Editor, 0, 101), source: source), "IN_VIVO_NOT_CODED/NAME_TOO_LONG", ErrorKind.Invalid);
    }

    [Fact]
    public void a_selection_of_100_emoji_is_100_code_points_and_accepted()
    {
        var emoji = string.Concat(Enumerable.Repeat("\U0001F525", 100));

        var decision = Decide(Command(Editor, 0, 100), source: SourceWithText(NotesId, emoji));

        Assert.Equal(emoji, decision.NewCode?.Name);
    }

    [Fact]
    public void the_limit_applies_to_the_name_after_collapsing_whitespace()
    {
        var words = string.Join("    ", Enumerable.Repeat("abcd", 20));
        Assert.Equal(156, words.Length);

        var decision = Decide(Command(Editor, 0, 156), source: SourceWithText(NotesId, words));

        Assert.Equal(string.Join(" ", Enumerable.Repeat("abcd", 20)), decision.NewCode?.Name);
    }

    [Fact]
    public void an_invalid_position_is_refused_under_the_in_vivo_prefix() =>
        Fails(Decide(Command(Editor, 40, 59)), "IN_VIVO_NOT_CODED/INVALID_POSITION", ErrorKind.Invalid);

    [Fact]
    public void a_missing_anchor_is_refused() => Fails(Decide(Command(Editor)), "IN_VIVO_NOT_CODED/MISSING_PARAM", ErrorKind.Invalid);

    [Fact]
    public void an_ambiguous_quote_is_refused() => Fails(Decide(Command(Editor, quote: "e")), "IN_VIVO_NOT_CODED/QUOTE_AMBIGUOUS", ErrorKind.Invalid);

    [Fact]
    public void a_project_without_a_codebook_yet_gets_its_first_code()
    {
        var decision = ApplyInVivoCodeHandler.Decide(Team(), null, SourceWithText(NotesId, Notes), Command(Editor, 20, 31), Now);

        Assert.Equal("burnt out", decision.NewCode?.Name);
        Assert.Equal(NewCode, Coded(decision).CodeId);
    }

    [Fact]
    public void the_coder_overlapping_their_own_coding_of_the_existing_code_is_a_conflict()
    {
        var existing = Segment.Create(
            new SegmentCoded(ProjectId, NotesId, SegmentNo(9), BurntOutCode, 24, 35, new CodePointText(Notes).Slice(24, 35), "", 0, Coder, Earlier));

        var decision = Decide(Command(Coder, 20, 31), WithBurntOut(), SourceWithText(NotesId, Notes, existing));

        var error = Assert.IsType<DomainError>(decision.Error);
        Assert.Equal("IN_VIVO_NOT_CODED/OVERLAPPING_SEGMENT", error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Empty(decision.Coding!.Events);
        Assert.Null(decision.NewCode);
    }

    [Fact]
    public void the_colour_is_a_hex_colour_and_the_same_for_the_same_name_on_every_call()
    {
        var first = Decide(Command(Editor, 20, 31)).NewCode!;
        var again = Decide(Command(Owner, quote: "burnt   out", newCodeId: BurntOutCode)).NewCode!;

        Assert.Matches("^#[0-9a-f]{6}$", first.Color);
        Assert.Equal(first.Color, again.Color);
    }

    [Fact]
    public void the_colour_does_not_depend_on_the_case_of_the_name()
    {
        var lower = Decide(Command(Editor, 0, 9), source: SourceWithText(NotesId, "burnt out")).NewCode!;
        var upper = Decide(Command(Editor, 0, 9), source: SourceWithText(NotesId, "BURNT OUT")).NewCode!;

        Assert.Equal(("burnt out", "BURNT OUT"), (lower.Name, upper.Name));
        Assert.Equal(lower.Color, upper.Color);
    }

    [Fact]
    public void names_are_spread_over_more_than_one_colour()
    {
        var colours = new[] { "exhausted", "short staffed", "burnt out", "tired", "shift", "care", "night", "team" }
            .Select(name => Decide(Command(Editor, 0, name.Length), source: SourceWithText(NotesId, name)).NewCode!.Color)
            .Distinct();

        Assert.True(colours.Count() > 1);
    }
}
