using Marten.Events.Projections;

namespace QualCoder.Server.Features.Sources;

/// <summary>Keeps <see cref="SourceText"/> in step with the source streams, in the same transaction as the append.</summary>
public sealed partial class SourceTextProjection : EventProjection
{
    public static SourceText Create(SourceAdded e) => new(e.SourceId, e.ProjectId, e.Text);

    public void Project(SourceDeleted e, Marten.IDocumentOperations operations) => operations.Delete<SourceText>(e.SourceId);

    public async Task Project(SourceRestored e, Marten.IDocumentOperations operations, CancellationToken ct)
    {
        if (await SourceRestoredText.AddedAsync(operations, e, ct) is { } added)
        {
            operations.Store(Create(added));
        }
    }
}
