using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Folders;

public sealed record RenameFolder(Guid ProjectId, Guid FolderId, string Name, long? ExpectedVersion, Actor Actor);

public sealed record RenameFolderRequest(string Name, long? ExpectedVersion = null);

public static class RenameFolderHandler
{
    private const string Refused = "FOLDER_NOT_RENAMED";

    public static Decision Decide(Project? project, FolderTree? tree, RenameFolder command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (tree?.Find(command.FolderId) is not { } folder)
        {
            return CreateFolderHandler.NotFound(Refused);
        }

        if (CreateFolderHandler.CheckName(command.Name, Refused, out var name) is { } invalid)
        {
            return invalid;
        }

        if (CreateFolderHandler.HasSiblingNamed(tree, folder.ParentId, name, except: folder.Id))
        {
            return CreateFolderHandler.DuplicateName(Refused, name);
        }

        return name == folder.Name
            ? Decision.Accept()
            : Decision.Accept(new FolderRenamed(command.ProjectId, command.FolderId, name, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RenameFolder command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<FolderTree>(
            command.ProjectId, ProjectStreams.FoldersOf(command.ProjectId), command.ExpectedVersion,
            (p, t) => Decide(p, t, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder folders) => folders
        .MapPut("/{folderId:guid}/name", (Guid projectId, Guid folderId, RenameFolderRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendAsync(new RenameFolder(projectId, folderId, body.Name, body.ExpectedVersion, http.User.ToActor()), projectId, folderId, session, ct))
        .WithName("RenameFolder")
        .WithSummary("Renames a folder (editors and owners). expectedVersion, when sent, is the folder tree's version.")
        .Produces<FolderReply>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
