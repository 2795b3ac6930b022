using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.History;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.History;

public class HistoryDiffTests
{
    private static readonly Guid Joy = Guid.Parse("0197a000-0000-7000-8000-0000000000d1");
    private static readonly Guid Delight = Guid.Parse("0197a000-0000-7000-8000-0000000000d2");
    private static readonly Guid Interview = Guid.Parse("0197a000-0000-7000-8000-0000000000e1");
    private static readonly Guid Coding = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");

    private static readonly object[] Start =
    [
        new ProjectCreated(ProjectId, "Study", "About nurses", Owner, Earlier),
        new CodeCreated(ProjectId, Joy, "Joy", "#e6194b", "", null, Editor, Earlier),
        new CodeCreated(ProjectId, Delight, "Delight", "#3cb44b", "", null, Editor, Earlier),
        new SourceAdded(ProjectId, Interview, "Interview 1", "", "text", "", "", null, Editor, Earlier),
        new SegmentCoded(ProjectId, Interview, Coding, Joy, 0, 5, "Happy", "", 0, Coder, Earlier),
    ];

    private static List<DiffChange> Diff(object[] later, Dictionary<Guid, Guid>? merged = null) =>
        HistoryDiff.Changes(HistoryFold.Of(Start), HistoryFold.Of([.. Start, .. later]), merged ?? []);

    [Fact]
    public void a_merged_code_is_reported_as_merged_into_its_target_and_its_coding_as_recoded()
    {
        var changes = Diff(
            [new SegmentRecoded(ProjectId, Interview, Coding, Delight, Editor, Now), new CodesMerged(ProjectId, Joy, Delight, Editor, Now)],
            new() { [Joy] = Delight });

        var merged = Assert.Single(changes, c => c.Area == "codes");
        Assert.Equal((DiffKinds.Merged, "Joy", "merged into Delight"), (merged.Kind, merged.Name, merged.Detail));
        var recoded = Assert.Single(changes, c => c.Area == "codings");
        Assert.Equal((DiffKinds.Changed, "recoded", "Joy", "Delight"), (recoded.Kind, recoded.Detail, recoded.Before, recoded.After));
    }

    [Fact]
    public void a_deleted_code_is_removed_and_a_renamed_recoloured_code_says_both()
    {
        var changes = Diff(
        [
            new SegmentUncoded(ProjectId, Interview, Coding, Editor, Now), new CodeDeleted(ProjectId, Joy, Editor, Now),
            new CodeRenamed(ProjectId, Delight, "Bliss", Editor, Now), new CodeRecoloured(ProjectId, Delight, "#4363d8", Editor, Now),
        ]);

        Assert.Contains(changes, c => c is { Area: "codes", Kind: DiffKinds.Removed, Name: "Joy" });
        Assert.Contains(changes, c => c is { Area: "codes", Kind: DiffKinds.Renamed, Before: "Delight", After: "Bliss" });
        Assert.Contains(changes, c => c is { Area: "codes", Kind: DiffKinds.Recoloured, Before: "#3cb44b", After: "#4363d8" });
        Assert.Contains(changes, c => c is { Area: "codings", Kind: DiffKinds.Removed, Name: "Joy in Interview 1", Detail: "Happy" });
    }

    [Fact]
    public void a_deleted_source_is_removed_with_its_codings_and_its_restore_adds_them_back()
    {
        var deleted = Diff([new SourceDeleted(ProjectId, Interview, 1, Editor, Now)]);
        Assert.Equal(
            [("sources", DiffKinds.Removed), ("codings", DiffKinds.Removed)],
            deleted.Select(c => (c.Area, c.Kind)));

        var back = HistoryDiff.Changes(
            HistoryFold.Of([.. Start, new SourceDeleted(ProjectId, Interview, 1, Editor, Now)]), HistoryFold.Of(Start), new Dictionary<Guid, Guid>());
        Assert.Equal([("sources", DiffKinds.Added), ("codings", DiffKinds.Added)], back.Select(c => (c.Area, c.Kind)));
    }

    [Fact]
    public void memos_come_with_a_word_diff()
    {
        var memo = Assert.Single(Diff([new ProjectDescribed(ProjectId, "About tired nurses", Owner, Now)]));
        Assert.Equal(("memos", "Project description", "About nurses", "About tired nurses"), (memo.Area, memo.Name, memo.Before, memo.After));
        Assert.Equal(["About ", "tired ", "nurses"], memo.TextDiff!.Select(p => p.Text));
        Assert.Equal([TextDiff.Equal, TextDiff.Insert, TextDiff.Equal], memo.TextDiff!.Select(p => p.Op));
    }

    [Fact]
    public void counts_sum_the_changes_per_kind_and_area()
    {
        var diff = VersionDiff.Of(1, 2, Diff([new CodeDeleted(ProjectId, Joy, Editor, Now), new CodeRenamed(ProjectId, Delight, "Bliss", Editor, Now)]), [], 0);
        Assert.Equal(new DiffCounts(0, 1, 1), diff.Stats);
        Assert.Equal(new DiffCounts(0, 1, 1), diff.Areas["codes"]);
        Assert.Equal(new DiffCounts(0, 0, 0), diff.Areas["sources"]);
    }
}
