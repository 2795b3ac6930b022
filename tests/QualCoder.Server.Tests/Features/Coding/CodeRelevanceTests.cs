using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;

namespace QualCoder.Server.Tests.Features.Coding;

/// <summary>v2's words rule: name words 80 x matched/total, memo words 30 x matched/total, clamped to 10-95.</summary>
public class CodeRelevanceTests
{
    private static Code Code(string name, string memo = "") =>
        new(Guid.CreateVersion7(), name, "#336699", memo, null, new Actor(Guid.Empty), DateTimeOffset.UnixEpoch);

    [Fact]
    public void a_code_whose_name_words_all_occur_scores_80() =>
        Assert.Equal(80, CodeRelevance.Score("I felt such relief after the call.", Code("Relief")).Confidence);

    [Fact]
    public void half_the_name_words_score_half()
    {
        var fit = CodeRelevance.Score("The nurse came twice.", Code("Nurse support"));

        Assert.Equal(40, fit.Confidence);
        Assert.Equal(["nurse"], fit.MatchedNameWords);
    }

    [Fact]
    public void memo_words_longer_than_three_letters_add_30_x_their_share()
    {
        // Memo words longer than 3 letters: moments, when, patient, feels, calm (5); "calm" occurs.
        var fit = CodeRelevance.Score("I felt calm.", Code("Calm", "Moments when a patient feels calm"));

        Assert.Equal(86, fit.Confidence);
        Assert.Equal(["calm"], fit.MatchedMemoWords);
    }

    [Fact]
    public void the_sum_is_clamped_to_95_and_nothing_found_is_10()
    {
        Assert.Equal(95, CodeRelevance.Score("relief comes after pain", Code("Relief", "pain")).Confidence);
        Assert.Equal(10, CodeRelevance.Score("Nothing here", Code("Relief", "after pain")).Confidence);
    }

    [Fact]
    public void words_match_whole_ignoring_case_with_their_accents()
    {
        Assert.Equal(80, CodeRelevance.Score("RELIEF!", Code("relief")).Confidence);
        Assert.Equal(10, CodeRelevance.Score("I was relieved", Code("Relief")).Confidence);
        Assert.Equal(80, CodeRelevance.Score("L'École 🎉 était fermée", Code("école")).Confidence);
        Assert.Equal(80, CodeRelevance.Score("L'e\u0301cole", Code("e\u0301cole")).Confidence);
        Assert.Equal(10, CodeRelevance.Score("L'ecole", Code("école")).Confidence);
    }

    [Fact]
    public void name_words_of_two_letters_or_fewer_do_not_count()
    {
        Assert.Equal(["relief"], CodeRelevance.Words("Ok to relief", 2));
        Assert.Equal(80, CodeRelevance.Score("relief is ok", Code("Ok relief")).Confidence);
    }

    [Fact]
    public void ranking_puts_the_best_first_leaves_out_codes_with_no_word_in_the_text_and_keeps_five()
    {
        var codes = new[] { Code("Calm"), Code("Nurse support"), Code("Unrelated"), Code("Relief"), Code("Fear", "calm before") };
        var text = "The nurse said I felt calm, a relief.";

        var ranked = CodeRelevance.Rank(text, codes);

        Assert.Equal(["Calm", "Relief", "Nurse support", "Fear"], ranked.Select(f => f.Code.Name));
        Assert.Equal([80, 80, 40, 15], ranked.Select(f => f.Confidence));
        Assert.Equal(5, CodeRelevance.Rank(text, [.. codes, Code("Other")], includeUnmatched: true).Count);
        Assert.Equal(2, CodeRelevance.Rank(text, codes, top: 2).Count);
    }

    [Fact]
    public void the_rationale_names_the_words_found() =>
        Assert.Equal(
            "The text contains \"nurse\" from the code's name \"Nurse support\" and \"calm\" from its memo.",
            CodeRelevance.Score("The nurse kept me calm", Code("Nurse support", "staff keeping patients calm")).Rationale);
}
