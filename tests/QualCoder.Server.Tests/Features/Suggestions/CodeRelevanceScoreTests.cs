using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Suggestions;

namespace QualCoder.Server.Tests.Features.Suggestions;

public sealed class CodeRelevanceScoreTests
{
    private static Code Named(string name, string memo = "") => new(Guid.NewGuid(), name, "#808080", memo, null, new Actor(Guid.NewGuid()), DateTimeOffset.UnixEpoch);

    [Fact]
    public void every_word_of_the_name_in_the_passage_scores_80_whole_words_ignoring_case()
    {
        var scored = CodeRelevanceScore.Score("The nurse's CARE was kind.", Named("Nurse care"));

        Assert.Equal(80, scored!.Confidence);
        Assert.Contains("2 of 2 words of its name (nurse, care)", scored.Rationale);
        Assert.Null(CodeRelevanceScore.Score("Careful nurses.", Named("Nurse care")));
    }

    [Fact]
    public void name_and_memo_shares_add_up_and_are_clamped_to_95()
    {
        Assert.Equal(40, CodeRelevanceScore.Score("fear of needles", Named("Fear Pain"))!.Confidence);
        Assert.Equal(95, CodeRelevanceScore.Score("fear of needles", Named("Fear", "needles"))!.Confidence);
        Assert.Equal(15, CodeRelevanceScore.Score("afraid of needles", Named("Fear", "needles and blood"))!.Confidence);
    }

    [Fact]
    public void short_words_do_not_count_and_a_weak_match_gets_the_floor_of_10()
    {
        Assert.Null(CodeRelevanceScore.Score("I am ok", Named("Am ok")));
        Assert.Null(CodeRelevanceScore.Score("the end", Named("Calm", "the end")));
        Assert.Equal(10, CodeRelevanceScore.Score("a word here", Named("Mood", "word1 word2 word3 word4 word5 word6 here"))!.Confidence);
    }

    [Fact]
    public void rank_answers_the_best_codes_first_and_at_most_top()
    {
        var codes = new[] { Named("Calm"), Named("Relief calm"), Named("Fear"), Named("Relief") };

        var ranked = CodeRelevanceScore.Rank("so relieved, relief, then calm", codes, 2);

        Assert.Equal([("Calm", 80), ("Relief", 80)], ranked.Select(s => (s.CodeName, s.Confidence)));
        Assert.Equal(3, CodeRelevanceScore.Rank("so relieved, relief, then calm", codes, 5).Count);
    }

    [Fact]
    public void words_are_runs_of_letters_and_digits_including_accents()
    {
        Assert.True(CodeRelevanceScore.WordsOf("e\u0301cole? Ça—covid19!", 2).SetEquals(["e\u0301cole", "ça", "covid19"]));
    }
}
