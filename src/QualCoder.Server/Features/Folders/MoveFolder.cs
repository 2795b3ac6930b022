using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Folders;

/// <summary>Moves a folder, with everything in it, under another folder or to the root (ParentId null).</summary>
public sealed record MoveFolder(Guid ProjectId, Guid FolderId, Guid? ParentId, long? ExpectedVersion, Actor Actor);

/// <summary>ParentId must be sent, as null for the root, so that an empty body never moves a folder by accident.</summary>
public sealed record MoveFolderRequest(Guid? ParentId, long? ExpectedVersion = null);

public static class MoveFolderHandler
{
    private const string Refused = "FOLDER_NOT_MOVED";

    public static Decision Decide(Project? project, FolderTree? tree, MoveFolder command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (tree?.Find(command.FolderId) is not { } folder)
        {
            return CreateFolderHandler.NotFound(Refused);
        }

        if (command.ParentId is { } parentId && tree.Find(parentId) is null)
        {
            return CreateFolderHandler.ParentNotFound(Refused);
        }

        if (IsWithin(tree, command.ParentId, folder.Id))
        {
            return DomainError.Invalid(
                $"{Refused}/CYCLE", $"\"{folder.Name}\" cannot move into itself or into one of its own subfolders.");
        }

        if (command.ParentId == folder.ParentId)
        {
            return Decision.Accept();
        }

        return CreateFolderHandler.HasSiblingNamed(tree, command.ParentId, folder.Name, except: folder.Id)
            ? CreateFolderHandler.DuplicateName(Refused, folder.Name)
            : Decision.Accept(new FolderMoved(command.ProjectId, command.FolderId, command.ParentId, command.Actor, now));
    }

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="folderId"/> or lies somewhere below it.</summary>
    private static bool IsWithin(FolderTree tree, Guid? candidate, Guid folderId)
    {
        // Walking up from the candidate takes at most one step per folder; more would mean the tree already had a cycle.
        for (var (at, steps) = (candidate, 0); at is { } id && steps <= tree.Folders.Count; (at, steps) = (tree.Find(id)?.ParentId, steps + 1))
        {
            if (id == folderId)
            {
                return true;
            }
        }

        return false;
    }

    public static Task<CommandOutcome> Handle(MoveFolder command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<FolderTree>(
            command.ProjectId, ProjectStreams.FoldersOf(command.ProjectId), command.ExpectedVersion,
            (p, t) => Decide(p, t, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder folders) => folders
        .MapPut("/{folderId:guid}/parent", (Guid projectId, Guid folderId, MoveFolderRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendAsync(new MoveFolder(projectId, folderId, body.ParentId, body.ExpectedVersion, http.User.ToActor()), projectId, folderId, session, ct))
        .WithName("MoveFolder")
        .WithSummary("Moves a folder under another ({\"parentId\": \"…\"}) or to the root ({\"parentId\": null}) (editors and owners); never into itself.")
        .Produces<FolderReply>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
