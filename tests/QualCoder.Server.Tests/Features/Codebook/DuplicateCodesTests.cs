using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;

namespace QualCoder.Server.Tests.Features.Codebook;

public class DuplicateCodesTests
{
    private static readonly Actor Ada = new(Guid.Parse("0197a000-0000-7000-8000-0000000000a1"));

    private static Code Code(string name, string memo = "") =>
        new(Guid.CreateVersion7(), name, "#336699", memo, null, Ada, DateTimeOffset.UnixEpoch);

    [Fact]
    public void words_are_lower_cased_runs_of_letters_and_digits_in_any_script() =>
        Assert.True(DuplicateCodes.Words("Fear-of FAILURE (2): Grüße, 東京! fear").SetEquals(["fear", "of", "failure", "2", "grüße", "東京"]));

    [Fact]
    public void names_with_the_same_words_in_another_order_case_or_punctuation_are_identical() =>
        Assert.Equal(1.0, DuplicateCodes.Similarity(Code("Fear of failure"), Code("failure, FEAR of")));

    [Fact]
    public void the_name_similarity_is_shared_words_over_all_words() =>
        // {fear, of, failure} and {fear, of, success}: 2 shared of 4.
        Assert.Equal(0.5, DuplicateCodes.Similarity(Code("Fear of failure"), Code("Fear of success")));

    [Fact]
    public void names_without_a_common_word_are_not_similar() =>
        Assert.Equal(0, DuplicateCodes.Similarity(Code("Hope"), Code("Fear")));

    [Fact]
    public void when_both_codes_have_memos_the_name_counts_sixty_and_the_memo_forty_percent() =>
        // Names 2/4 = 0.5, memos {being, afraid} / {being, afraid, of, losing}: 2/4 = 0.5 -> 0.6 * 0.5 + 0.4 * 0.5.
        Assert.Equal(0.5, DuplicateCodes.Similarity(Code("Fear of failure", "Being afraid"), Code("Fear of success", "being afraid of losing")));

    [Fact]
    public void memos_count_only_when_both_codes_have_one()
    {
        Assert.Equal(1.0, DuplicateCodes.Similarity(Code("Worry", "Anything anxious"), Code("worry", "  ")));
        Assert.Equal(0.6, DuplicateCodes.Similarity(Code("Worry", "Anything anxious"), Code("worry", "Concern for others")));
    }

    [Fact]
    public void similarity_is_rounded_to_two_decimals() =>
        // {long, shifts} and {long, nights}: 1 shared of 3.
        Assert.Equal(0.33, DuplicateCodes.Similarity(Code("Long shifts"), Code("Long nights")));

    [Fact]
    public void candidates_are_the_pairs_at_or_above_the_threshold_most_similar_first_each_in_name_order()
    {
        var tired = Code("Tiredness");
        var tiredAtWork = Code("tiredness at work");
        var workTired = Code("Work tiredness");
        var hope = Code("Hope");

        var candidates = DuplicateCodes.Find([workTired, hope, tiredAtWork, tired], 0.5);

        Assert.Equal(
            [("tiredness at work", "Work tiredness", 0.67), ("Tiredness", "Work tiredness", 0.5)],
            candidates.Select(c => (c.A.Name, c.B.Name, c.Similarity)));
        Assert.Single(DuplicateCodes.Find([workTired, hope, tiredAtWork, tired], 0.6));
    }

    [Fact]
    public void the_rationale_names_the_shared_words_and_how_the_score_was_made()
    {
        var names = Assert.Single(DuplicateCodes.Find([Code("Fear of failure"), Code("failure, fear of")], 0.8));
        Assert.Equal("Likely duplicates: the names share 3 of their 3 words (\"failure\", \"fear\", \"of\") (names only: at least one of the codes has no memo).", names.Rationale);

        var memos = Assert.Single(DuplicateCodes.Find([Code("Worry", "Anything anxious"), Code("worry", "Concern for others")], 0.5));
        Assert.StartsWith("Probably distinct: the names share 1 of their 1 words (\"worry\"), the memos none of their 5 words", memos.Rationale);
        Assert.EndsWith("(name 100% x 0.6 + memo 0% x 0.4).", memos.Rationale);
    }

    [Fact]
    public void no_codes_or_one_code_have_no_candidates()
    {
        Assert.Empty(DuplicateCodes.Find([], 0.8));
        Assert.Empty(DuplicateCodes.Find([Code("Hope")], 0.1));
    }
}
