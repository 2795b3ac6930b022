using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Folders;

/// <summary>A folder was made, at the root (ParentId null) or inside another.</summary>
public sealed record FolderCreated(Guid ProjectId, Guid FolderId, string Name, Guid? ParentId, Actor Actor, DateTimeOffset At);

public sealed record FolderRenamed(Guid ProjectId, Guid FolderId, string Name, Actor Actor, DateTimeOffset At);

public sealed record FolderMoved(Guid ProjectId, Guid FolderId, Guid? ParentId, Actor Actor, DateTimeOffset At);

/// <summary>An empty folder was deleted.</summary>
public sealed record FolderDeleted(Guid ProjectId, Guid FolderId, Actor Actor, DateTimeOffset At);

public sealed record Folder(Guid Id, string Name, Guid? ParentId);

/// <summary>
/// All folders of a project in one stream (id from <see cref="Projects.ProjectStreams.FoldersOf"/>), so sibling
/// names and the absence of cycles are checked against one consistent tree.
/// </summary>
public sealed record FolderTree
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public IReadOnlyList<Folder> Folders { get; init; } = [];

    public long Version { get; set; }

    public Folder? Find(Guid folderId) => Folders.FirstOrDefault(f => f.Id == folderId);

    public FolderTree Apply(FolderCreated e) =>
        this with { ProjectId = e.ProjectId, Folders = [.. Folders, new Folder(e.FolderId, e.Name, e.ParentId)] };

    public FolderTree Apply(FolderRenamed e) => Replace(e.FolderId, f => f with { Name = e.Name });

    public FolderTree Apply(FolderMoved e) => Replace(e.FolderId, f => f with { ParentId = e.ParentId });

    public FolderTree Apply(FolderDeleted e) => this with { Folders = [.. Folders.Where(f => f.Id != e.FolderId)] };

    private FolderTree Replace(Guid folderId, Func<Folder, Folder> change) =>
        this with { Folders = [.. Folders.Select(f => f.Id == folderId ? change(f) : f)] };
}
