using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Folders;

/// <summary>Folders for sources: one tree per project.</summary>
public static class FoldersModule
{
    public static void ConfigureFolders(this StoreOptions store) =>
        store.Projections.Snapshot<FolderTree>(SnapshotLifecycle.Inline);

    public static RouteGroupBuilder MapFolders(this IEndpointRouteBuilder app)
    {
        var folders = app.MapGroup("/api/projects/{projectId:guid}/folders").WithTags("Folders");
        ListFolders.Map(folders);
        CreateFolderHandler.Map(folders);
        RenameFolderHandler.Map(folders);
        MoveFolderHandler.Map(folders);
        DeleteFolderHandler.Map(folders);
        return folders;
    }
}
