using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Folders;

/// <summary>Folders for sources: one tree per project.</summary>
public static class FoldersModule
{
    public static void ConfigureFolders(this StoreOptions store) =>
        store.Projections.Snapshot<FolderTree>(SnapshotLifecycle.Inline);
}
