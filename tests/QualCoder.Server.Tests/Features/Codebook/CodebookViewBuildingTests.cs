using QualCoder.Server.Features.Codebook;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

/// <summary>The codebook view built from the folded codebook and the coding counts, without a database.</summary>
public class CodebookViewBuildingTests
{
    private static readonly CodeUsage Counts = new(
    [
        new CodeUsage.Row(Joy, Coder.AccountId, 3),
        new CodeUsage.Row(Joy, Editor.AccountId, 5),
        new CodeUsage.Row(Anger, Coder.AccountId, 1),
    ]);

    [Fact]
    public void the_tree_nests_categories_and_places_each_code_in_its_category()
    {
        var view = CodebookView.Of(Sample(), Counts);

        Assert.Equal(5, view.Version);
        var feelings = Assert.Single(view.Categories);
        Assert.Equal(("Feelings", (Guid?)null), (feelings.Name, feelings.ParentId));
        Assert.Equal(["Fear"], feelings.Codes.Select(c => c.Name));
        var positive = Assert.Single(feelings.Categories);
        Assert.Equal(("Positive", (Guid?)Feelings), (positive.Name, positive.ParentId));
        Assert.Equal(["Joy"], positive.Codes.Select(c => c.Name));
        Assert.Empty(positive.Categories);
        Assert.Equal(["Anger"], view.Codes.Select(c => c.Name));
    }

    [Fact]
    public void each_code_has_its_total_and_its_counts_per_coder_most_first()
    {
        var joy = CodebookView.Of(Sample(), Counts).Categories[0].Categories[0].Codes[0];

        Assert.Equal(8, joy.CodingCount);
        Assert.Equal([new CoderCount(Editor.AccountId, 5), new CoderCount(Coder.AccountId, 3)], joy.CodingsByCoder);
        Assert.Null(joy.Version);
    }

    [Fact]
    public void a_code_without_codings_counts_zero()
    {
        var fear = CodebookView.Of(Sample(), Counts).Categories[0].Codes[0];

        Assert.Equal((0, 0), (fear.CodingCount, fear.CodingsByCoder.Count));
    }

    [Fact]
    public void a_code_shows_what_it_was_created_with()
    {
        var anger = CodebookView.Of(Sample(), Counts).Codes[0];

        Assert.Equal(new CodeView(Anger, "Anger", "#e6194b", "", null, Editor.AccountId, Earlier, 1, anger.CodingsByCoder), anger);
        Assert.Equal([new CoderCount(Coder.AccountId, 1)], anger.CodingsByCoder);
    }

    [Fact]
    public void codes_and_categories_are_ordered_by_name_ignoring_case()
    {
        var codebook = Sample(CodeWasCreated(Guid.NewGuid(), "apathy"), CodeWasCreated(Guid.NewGuid(), "Zeal"), CategoryWasCreated(Guid.NewGuid(), "admin"));

        var view = CodebookView.Of(codebook, CodeUsage.None);

        Assert.Equal(["Anger", "apathy", "Zeal"], view.Codes.Select(c => c.Name));
        Assert.Equal(["admin", "Feelings"], view.Categories.Select(c => c.Name));
        Assert.Equal(["Anger", "apathy", "Fear", "Joy", "Zeal"], CodebookView.ListCodes(codebook, CodeUsage.None).Select(c => c.Name));
    }

    [Fact]
    public void a_project_without_a_codebook_shows_an_empty_one_at_version_0()
    {
        var view = CodebookView.Of(null, CodeUsage.None);

        Assert.Equal((0L, 0, 0), (view.Version, view.Categories.Count, view.Codes.Count));
    }

    [Fact]
    public void one_category_is_shown_with_its_whole_subtree()
    {
        var feelings = CodebookView.CategoryOf(Sample(), Feelings, Counts)!;

        Assert.Equal(["Positive"], feelings.Categories.Select(c => c.Name));
        Assert.Equal(8, feelings.Categories[0].Codes[0].CodingCount);
        Assert.Null(CodebookView.CategoryOf(Sample(), Unknown, Counts));
    }
}
