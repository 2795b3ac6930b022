using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Folders;

public sealed record FolderView(Guid Id, string Name, Guid? ParentId);

public sealed record FolderNode(Guid Id, string Name, IReadOnlyList<FolderNode> Children);

/// <summary>A project's folders twice: flat (to look up) and nested (to draw), both by name; Version is the tree's.</summary>
public sealed record FolderList(long Version, IReadOnlyList<FolderView> Folders, IReadOnlyList<FolderNode> Tree)
{
    public static FolderList Of(FolderTree? tree)
    {
        var folders = (tree?.Folders ?? [])
            .OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var children = folders.ToLookup(f => f.ParentId);

        // The tree has no cycles (moves refuse them); the depth guard only keeps a broken stream from recursing forever.
        List<FolderNode> Under(Guid? parentId, int depth) => depth > folders.Count
            ? []
            : [.. children[parentId].Select(f => new FolderNode(f.Id, f.Name, Under(f.Id, depth + 1)))];

        return new FolderList(tree?.Version ?? 0, [.. folders.Select(f => new FolderView(f.Id, f.Name, f.ParentId))], Under(null, 0));
    }
}

/// <summary>One folder after a change, with the tree's version to send back as the next expectedVersion.</summary>
public sealed record FolderReply(Guid Id, string Name, Guid? ParentId, long Version)
{
    /// <summary>The folder as it is now; null when someone deleted it since the command that answers with it.</summary>
    internal static async Task<FolderReply?> LoadAsync(IQuerySession session, Guid projectId, Guid folderId, CancellationToken ct)
    {
        var tree = await session.LoadAsync<FolderTree>(ProjectStreams.FoldersOf(projectId), ct);
        return tree?.Find(folderId) is { } folder ? new FolderReply(folder.Id, folder.Name, folder.ParentId, tree.Version) : null;
    }
}

public static class ListFolders
{
    /// <summary>The project's folders as <paramref name="actor"/> may read them: the HTTP list and the agents' tool share it.</summary>
    public static async Task<(DomainError? Error, FolderList? Folders)> QueryAsync(
        IQuerySession session, Guid projectId, Actor actor, string codePrefix, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(projectId);
        var tree = batch.Load<FolderTree>(ProjectStreams.FoldersOf(projectId));
        await batch.Execute(ct);

        return ProjectAccess.Require(await project, actor, ProjectRole.Viewer, codePrefix) is { } denied
            ? (denied, null)
            : (null, FolderList.Of(await tree));
    }

    internal static void Map(RouteGroupBuilder folders) => folders
        .MapGet("/", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (denied, listed) = await QueryAsync(session, projectId, http.User.ToActor(), "FOLDERS", ct);
            return denied is not null ? denied.ToProblem() : TypedResults.Ok(listed!);
        })
        .WithName("ListFolders")
        .WithSummary("The project's folders, as a flat list {id, name, parentId} and as a nested tree.")
        .Produces<FolderList>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
