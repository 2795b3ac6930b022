using System.Text.Json;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.History;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.History;

/// <summary>
/// A seeded random history of one project: valid events of every content kind (the rules the decide functions keep:
/// unique names, no folder deleted while it holds anything, codings only on live sources with existing codes,
/// deleting or merging a code removes or recodes its codings), drawn against the state folded so far.
/// </summary>
public sealed class RandomProject(int seed)
{
    private readonly Random random = new(seed);
    private readonly HistoryFold fold = new();
    private readonly Actor[] coders = [Owner, Editor, Coder];
    private int names;

    public List<object> Events { get; } = [];

    public static List<object> Generate(int seed, int count)
    {
        var project = new RandomProject(seed);
        project.Add(new ProjectCreated(ProjectId, "Study", "", Owner, Earlier));
        while (project.Events.Count < count)
        {
            project.Step();
        }

        return project.Events;
    }

    /// <summary>The content that must match after a restore: deleted sources count as absent, as for every reader.</summary>
    public static string Canonical(HistoryState state) => JsonSerializer.Serialize(new
    {
        state.ProjectName,
        state.ProjectDescription,
        Folders = state.Folders.Values.OrderBy(f => f.Id),
        Categories = state.Categories.Values.OrderBy(c => c.Id),
        Codes = state.Codes.Values.OrderBy(c => c.Id),
        Sources = state.Sources.Values.Where(s => !s.IsDeleted).OrderBy(s => s.Id),
        Codings = state.Codings.Values.OrderBy(c => c.Id),
    });

    private void Add(params object[] events)
    {
        foreach (var e in events)
        {
            Events.Add(e);
            fold.Apply(e);
        }
    }

    private string Name(string kind) => $"{kind} {++names}";

    private T Pick<T>(IEnumerable<T> items)
    {
        var all = items.ToList();
        return all[random.Next(all.Count)];
    }

    private Actor Someone() => Pick(coders);

    private void Step()
    {
        var s = fold.Snapshot();
        var codes = s.Codes.Values.ToList();
        var categories = s.Categories.Values.ToList();
        var folders = s.Folders.Values.ToList();
        var live = s.Sources.Values.Where(x => !x.IsDeleted).ToList();
        var codings = s.Codings.Values.ToList();
        var a = Someone();
        var at = Earlier;
        switch (random.Next(26))
        {
            case 0: Add(new ProjectRenamed(ProjectId, Name("Study"), a, at)); break;
            case 1: Add(new ProjectDescribed(ProjectId, Pick(["", "About nurses", "About nurses and doctors"]), a, at)); break;
            case 2: Add(new FolderCreated(ProjectId, Guid.NewGuid(), Name("folder"), folders.Count > 0 && random.Next(2) == 0 ? Pick(folders).Id : null, a, at)); break;
            case 3 when folders.Count > 0: Add(new FolderRenamed(ProjectId, Pick(folders).Id, Name("folder"), a, at)); break;
            case 4 when folders.Count > 0: Add(new FolderMoved(ProjectId, Pick(folders).Id, null, a, at)); break;
            case 5 when folders.Any(f => Empty(s, f.Id)): Add(new FolderDeleted(ProjectId, Pick(folders.Where(f => Empty(s, f.Id))).Id, a, at)); break;
            case 6: Add(new CategoryCreated(ProjectId, Guid.NewGuid(), Name("category"), categories.Count > 0 && random.Next(2) == 0 ? Pick(categories).Id : null, "", a, at)); break;
            case 7 when categories.Count > 0: Add(new CategoryRenamed(ProjectId, Pick(categories).Id, Name("category"), a, at)); break;
            case 8 when categories.Count > 0: Add(new CategoryMemoChanged(ProjectId, Pick(categories).Id, Memo(), a, at)); break;
            case 9 when categories.Count > 0: Add(new CategoryMoved(ProjectId, Pick(categories).Id, null, a, at)); break;
            case 10 when categories.Count > 0: Add(new CategoryDeleted(ProjectId, Pick(categories).Id, a, at)); break;
            case 11 or 12: Add(new CodeCreated(ProjectId, Guid.NewGuid(), Name("code"), Colour(), Memo(), categories.Count > 0 && random.Next(2) == 0 ? Pick(categories).Id : null, a, at)); break;
            case 13 when codes.Count > 0: Add(new CodeRenamed(ProjectId, Pick(codes).Id, Name("code"), a, at)); break;
            case 14 when codes.Count > 0: Add(new CodeRecoloured(ProjectId, Pick(codes).Id, Colour(), a, at)); break;
            case 15 when codes.Count > 0: Add(new CodeMemoChanged(ProjectId, Pick(codes).Id, Memo(), a, at)); break;
            case 16 when codes.Count > 0: Add(new CodeMoved(ProjectId, Pick(codes).Id, categories.Count > 0 && random.Next(2) == 0 ? Pick(categories).Id : null, a, at)); break;
            case 17 when codes.Count > 0:
                var deleted = Pick(codes).Id;
                Add([.. codings.Where(c => c.CodeId == deleted).Select(c => new SegmentUncoded(ProjectId, c.SourceId, c.Id, a, at)), new CodeDeleted(ProjectId, deleted, a, at)]);
                break;
            case 18 when codes.Count > 1:
                var from = Pick(codes).Id;
                var into = Pick(codes.Where(c => c.Id != from)).Id;
                Add([.. codings.Where(c => c.CodeId == from).Select(c => new SegmentRecoded(ProjectId, c.SourceId, c.Id, into, a, at)), new CodesMerged(ProjectId, from, into, a, at)]);
                break;
            case 19: Add(new SourceAdded(ProjectId, Guid.NewGuid(), Name("source"), "", "text", Memo(), "", folders.Count > 0 && random.Next(2) == 0 ? Pick(folders).Id : null, a, at)); break;
            case 20 when live.Count > 0:
                var source = Pick(live).Id;
                Add(random.Next(4) switch
                {
                    0 => new SourceRenamed(ProjectId, source, Name("source"), a, at),
                    1 => new SourceMemoChanged(ProjectId, source, Memo(), a, at),
                    2 => new SourceOriginChanged(ProjectId, source, Pick(["", "ward B", "phone"]), a, at),
                    _ => new SourceMovedToFolder(ProjectId, source, folders.Count > 0 && random.Next(2) == 0 ? Pick(folders).Id : null, a, at),
                });
                break;
            case 21 when live.Count > 0 && random.Next(3) == 0:
                var gone = Pick(live).Id;
                Add(new SourceDeleted(ProjectId, gone, codings.Count(c => c.SourceId == gone), a, at));
                break;
            case 22 or 23 when live.Count > 0 && codes.Count > 0:
                var start = random.Next(0, 100);
                Add(new SegmentCoded(ProjectId, Pick(live).Id, Guid.NewGuid(), Pick(codes).Id, start, start + random.Next(1, 30), $"quote {start}", Memo(), random.Next(3), a, at));
                break;
            case 24 when codings.Count > 0:
                var removed = Pick(codings);
                Add(new SegmentUncoded(ProjectId, removed.SourceId, removed.Id, a, at));
                break;
            case 25 when codings.Count > 0:
                var coding = Pick(codings);
                Add(random.Next(4) switch
                {
                    0 => new SegmentMemoChanged(ProjectId, coding.SourceId, coding.Id, Memo(), a, at),
                    1 => new SegmentImportanceSet(ProjectId, coding.SourceId, coding.Id, random.Next(3), a, at),
                    2 => new SegmentResized(ProjectId, coding.SourceId, coding.Id, coding.Start, coding.End + 1, coding.Quote + "!", a, at),
                    _ when codes.Count > 0 => new SegmentRecoded(ProjectId, coding.SourceId, coding.Id, Pick(codes).Id, a, at),
                    _ => new SegmentMemoChanged(ProjectId, coding.SourceId, coding.Id, "", a, at),
                });
                break;
        }
    }

    private static bool Empty(HistoryState s, Guid folderId) =>
        !s.Folders.Values.Any(f => f.ParentId == folderId) && !s.Sources.Values.Any(x => !x.IsDeleted && x.FolderId == folderId);

    private string Memo() => Pick(["", "tired", "tired after nights", "very tired after long nights"]);

    private string Colour() => Pick(["#e6194b", "#3cb44b", "#4363d8"]);
}
