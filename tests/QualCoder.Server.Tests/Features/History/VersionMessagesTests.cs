using QualCoder.Server.Features.History;

namespace QualCoder.Server.Tests.Features.History;

public class VersionMessagesTests
{
    [Theory]
    [InlineData("project_created", "projects")]
    [InlineData("member_added", "projects")]
    [InlineData("source_added", "sources")]
    [InlineData("folder_moved", "sources")]
    [InlineData("code_created", "coding")]
    [InlineData("codes_merged", "coding")]
    [InlineData("category_renamed", "coding")]
    [InlineData("segment_coded", "coding")]
    [InlineData("code_suggested", "suggestions")]
    [InlineData("coding_suggested", "suggestions")]
    [InlineData("suggestion_approved", "suggestions")]
    [InlineData("project_restored", "history")]
    [InlineData("something_new", "other")]
    public void each_event_type_counts_in_its_area(string type, string area) => Assert.Equal(area, VersionMessages.AreaOf(type));

    [Fact]
    public void a_single_event_is_named_area_dot_type() =>
        Assert.Equal("coding.code_created", VersionMessages.Describe(new Dictionary<string, int> { ["coding"] = 1 }, "code_created", null));

    [Fact]
    public void several_events_are_counted_per_area_in_area_order_with_singular_and_plural() => Assert.Equal(
        "coding: 3 events, sources: 1 event",
        VersionMessages.Describe(new Dictionary<string, int> { ["sources"] = 1, ["coding"] = 3 }, null, null));

    [Fact]
    public void a_restore_says_which_version_it_went_back_to() => Assert.Equal(
        "Restored to version 12",
        VersionMessages.Describe(new Dictionary<string, int> { ["coding"] = 4, ["history"] = 1 }, null, 12));
}
