using QualCoder.Server.Domain;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Features.Suggestions;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Sources.GivenSources;
using static QualCoder.Server.Tests.Features.Suggestions.GivenSuggestions;

namespace QualCoder.Server.Tests.Features.Suggestions;

public class SuggestSourceMetadataDecisionTests
{
    private static Decision Decide(
        string? language = "English", string[]? topics = null, string? folder = null, Source? source = null, Actor? actor = null, int? confidence = null) =>
        SuggestSourceMetadataHandler.Decide(
            Team(), source ?? TheInterview(),
            new SuggestSourceMetadata(ProjectId, SuggestionId, SourceId, language, topics, folder, null, confidence, actor ?? Coder), Now);

    [Fact]
    public void a_coder_suggests_a_language_topics_and_a_folder_trimmed_with_the_source_name_kept() =>
        AcceptedAs(
            Decide(" English ", [" care ", "shifts", "Care", " "], " Interviews "),
            new SourceMetadataSuggested(ProjectId, SuggestionId, SourceId, SourceName, "English", ["care", "shifts"], "Interviews", "", 70, Coder, Now));

    [Fact]
    public void any_one_of_the_three_is_enough() =>
        AcceptedAs(Decide(language: null, folder: "Ward B"), new SourceMetadataSuggested(ProjectId, SuggestionId, SourceId, SourceName, null, [], "Ward B", "", 70, Coder, Now));

    /// <summary>The event as expected, its topics compared by content (a record compares lists by reference).</summary>
    private static void AcceptedAs(Decision decision, SourceMetadataSuggested expected)
    {
        Assert.Null(decision.Error);
        var suggested = Assert.IsType<SourceMetadataSuggested>(Assert.Single(decision.Events));
        Assert.Equal(expected.Topics, suggested.Topics);
        Assert.Equal(expected, suggested with { Topics = expected.Topics });
    }

    [Fact]
    public void suggesting_nothing_is_invalid() =>
        Refused(Decide(language: "  ", topics: [" "], folder: ""), "SOURCE_METADATA_NOT_SUGGESTED/NOTHING_SUGGESTED", ErrorKind.Invalid);

    [Fact]
    public void a_deleted_or_foreign_source_is_not_found()
    {
        Refused(Decide(source: DeletedInterview()), "SOURCE_METADATA_NOT_SUGGESTED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(source: InterviewInAnotherProject()), "SOURCE_METADATA_NOT_SUGGESTED/NOT_FOUND", ErrorKind.NotFound);
    }

    [Fact]
    public void the_language_and_topics_have_limits()
    {
        Refused(Decide(language: new string('x', 51)), "SOURCE_METADATA_NOT_SUGGESTED/LANGUAGE_TOO_LONG", ErrorKind.Invalid);
        Refused(Decide(topics: [.. Enumerable.Range(0, 21).Select(i => $"t{i}")]), "SOURCE_METADATA_NOT_SUGGESTED/INVALID_TOPICS", ErrorKind.Invalid);
        Refused(Decide(topics: [new string('x', 61)]), "SOURCE_METADATA_NOT_SUGGESTED/INVALID_TOPICS", ErrorKind.Invalid);
    }

    [Fact]
    public void the_folder_name_follows_the_folders_rule() =>
        Refused(Decide(folder: "a/b"), "SOURCE_METADATA_NOT_SUGGESTED/INVALID_NAME", ErrorKind.Invalid);

    [Fact]
    public void the_confidence_is_a_percentage() =>
        Refused(Decide(confidence: 101), "SOURCE_METADATA_NOT_SUGGESTED/INVALID_CONFIDENCE", ErrorKind.Invalid);

    [Fact]
    public void a_viewer_cannot_suggest() =>
        Refused(Decide(actor: Viewer), "SOURCE_METADATA_NOT_SUGGESTED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void approving_appends_the_lines_to_the_memo_after_a_blank_line()
    {
        var proposal = new SourceMetadataProposal(SourceId, SourceName, "English", ["care", "shifts"], null);
        Assert.Equal("First pass\n\nLanguage: English\nTopics: care, shifts", SuggestSourceMetadataHandler.MemoWith("First pass\n", proposal));
        Assert.Equal("Topics: care", SuggestSourceMetadataHandler.MemoWith("", proposal with { Language = null, Topics = ["care"] }));
        Assert.Null(SuggestSourceMetadataHandler.MemoWith("First pass", proposal with { Language = null, Topics = [], FolderName = "Ward B" }));
    }
}
