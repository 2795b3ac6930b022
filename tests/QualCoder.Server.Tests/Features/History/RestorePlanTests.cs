using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.History;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.History;

public class RestorePlanTests
{
    private static readonly Guid Feelings = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    private static readonly Guid Joy = Guid.Parse("0197a000-0000-7000-8000-0000000000d1");
    private static readonly Guid Wards = Guid.Parse("0197a000-0000-7000-8000-0000000000b9");
    private static readonly Guid Interview = Guid.Parse("0197a000-0000-7000-8000-0000000000e1");
    private static readonly Guid Other = Guid.Parse("0197a000-0000-7000-8000-0000000000e2");
    private static readonly Guid Coding = Guid.Parse("0197a000-0000-7000-8000-0000000000f1");

    private static readonly object[] AtN =
    [
        new ProjectCreated(ProjectId, "Study", "", Owner, Earlier),
        new FolderCreated(ProjectId, Wards, "Wards", null, Editor, Earlier),
        new CategoryCreated(ProjectId, Feelings, "Feelings", null, "", Editor, Earlier),
        new CodeCreated(ProjectId, Joy, "Joy", "#e6194b", "", Feelings, Editor, Earlier),
        new SourceAdded(ProjectId, Interview, "Interview 1", "", "text", "", "", Wards, Editor, Earlier),
        new SegmentCoded(ProjectId, Interview, Coding, Joy, 0, 5, "Happy", "", 1, Coder, Earlier),
    ];

    private static readonly object[] Later =
    [
        new SourceDeleted(ProjectId, Interview, 1, Editor, Now),
        new FolderDeleted(ProjectId, Wards, Editor, Now),
        new CodeDeleted(ProjectId, Joy, Editor, Now),
        new CategoryDeleted(ProjectId, Feelings, Editor, Now),
        new SourceAdded(ProjectId, Other, "Interview 2", "", "text", "", "", null, Editor, Now),
    ];

    [Fact]
    public void everything_deleted_since_comes_back_in_an_order_the_read_models_accept()
    {
        var plan = RestorePlan.Of(HistoryFold.Of([.. AtN, .. Later]), HistoryFold.Of(AtN), ProjectId, Owner, Now);

        Assert.Equal(
        [
            typeof(FolderCreated), typeof(SourceDeleted), typeof(SourceRestored), typeof(CategoryCreated), typeof(CodeCreated), typeof(SegmentCoded),
        ],
            plan.Select(p => p.Event.GetType()));
        Assert.Equal([ProjectStreams.FoldersOf(ProjectId), Other, Interview, ProjectStreams.CodebookOf(ProjectId), ProjectStreams.CodebookOf(ProjectId), Interview], plan.Select(p => p.StreamId));
        var coded = Assert.IsType<SegmentCoded>(plan[^1].Event);
        Assert.Equal((Coder.AccountId, Owner, 1), (coded.Coder, coded.Actor, coded.Importance));
    }

    [Fact]
    public void things_made_since_are_deleted_once_nothing_points_at_them()
    {
        var plan = RestorePlan.Of(HistoryFold.Of(AtN.Take(2)), HistoryFold.Of([AtN[0]]), ProjectId, Owner, Now);
        Assert.Equal([new PlannedEvent(ProjectStreams.FoldersOf(ProjectId), new FolderDeleted(ProjectId, Wards, Owner, Now))], plan);

        var undo = RestorePlan.Of(HistoryFold.Of(AtN), HistoryFold.Of(AtN.Take(3)), ProjectId, Owner, Now);
        Assert.Equal([typeof(SourceDeleted), typeof(CodeDeleted)], undo.Select(p => p.Event.GetType()));
    }

    [Fact]
    public void a_coding_restored_by_its_own_coder_carries_no_separate_coder()
    {
        var plan = RestorePlan.Of(HistoryFold.Of([.. AtN, new SegmentUncoded(ProjectId, Interview, Coding, Coder, Now)]), HistoryFold.Of(AtN), ProjectId, Coder, Now);
        Assert.Null(Assert.IsType<SegmentCoded>(Assert.Single(plan).Event).CoderId);
    }
}
