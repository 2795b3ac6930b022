using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Sources;

/// <summary>Sources built as the event store builds them: by folding a source's events through Create and Apply.</summary>
public static class GivenSources
{
    public static readonly Guid SourceId = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    public static readonly Guid NewSourceId = Guid.Parse("0197a000-0000-7000-8000-0000000000c2");
    public static readonly Guid OtherProjectId = Guid.Parse("0197a000-0000-7000-8000-0000000000a2");
    public const string SourceName = "Interview 1";

    /// <summary>"Interview 1" (five code points of text, memo and origin set), added by the editor at the root.</summary>
    public static SourceAdded Added(Guid? projectId = null, Guid? folderId = null) =>
        new(projectId ?? ProjectId, SourceId, SourceName, "Hallo", "text", "First pass", "Ward B, May", folderId, Editor, Earlier);

    public static Source TheInterview(params object[] later) => FoldSource([Added(), .. later]);

    public static Source InterviewInAnotherProject() => FoldSource(Added(projectId: OtherProjectId));

    public static Source DeletedInterview() => TheInterview(new SourceDeleted(ProjectId, SourceId, 0, Editor, Earlier));

    public static Source FoldSource(params object[] events)
    {
        var source = Source.Create((SourceAdded)events[0]);
        foreach (var e in events.Skip(1))
        {
            source = e switch
            {
                SourceRenamed x => source.Apply(x),
                SourceMemoChanged x => source.Apply(x),
                SourceOriginChanged x => source.Apply(x),
                SourceMovedToFolder x => source.Apply(x),
                SourceDeleted x => source.Apply(x),
                _ => throw new ArgumentException($"A source does not fold {e.GetType().Name}."),
            };
        }

        source.Version = events.Length;
        return source;
    }
}
