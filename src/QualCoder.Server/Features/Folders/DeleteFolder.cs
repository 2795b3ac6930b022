using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Folders;

/// <summary>Deletes an empty folder: one with no subfolders and no sources.</summary>
public sealed record DeleteFolder(Guid ProjectId, Guid FolderId, long? ExpectedVersion, Actor Actor);

public static class DeleteFolderHandler
{
    private const string Refused = "FOLDER_NOT_DELETED";

    /// <param name="sources">How many live sources are directly in the folder.</param>
    public static Decision Decide(Project? project, FolderTree? tree, int sources, DeleteFolder command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (tree?.Find(command.FolderId) is not { } folder)
        {
            return CreateFolderHandler.NotFound(Refused);
        }

        var subfolders = tree.Folders.Count(f => f.ParentId == folder.Id);
        return subfolders > 0 || sources > 0
            ? DomainError.Conflict(
                $"{Refused}/NOT_EMPTY",
                $"\"{folder.Name}\" still holds {subfolders} folder(s) and {sources} source(s). Move or delete them first.")
            : Decision.Accept(new FolderDeleted(command.ProjectId, command.FolderId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(DeleteFolder command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<FolderTree, int>(
            command.ProjectId, ProjectStreams.FoldersOf(command.ProjectId), command.ExpectedVersion,
            async batch => (int)await batch.Query<Source>()
                .Where(s => s.ProjectId == command.ProjectId && s.FolderId == command.FolderId && !s.IsDeleted)
                .Count(),
            (p, t, sources) => Decide(p, t, sources, command, clock.GetUtcNow()),
            ct,
            exclusive: true);

    internal static void Map(RouteGroupBuilder folders) => folders
        .MapDelete("/{folderId:guid}", async (Guid projectId, Guid folderId, long? expectedVersion, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        {
            var outcome = await bus.InvokeAsync<CommandOutcome>(new DeleteFolder(projectId, folderId, expectedVersion, http.User.ToActor()), ct);
            return outcome.ToHttp(TypedResults.NoContent);
        })
        .WithName("DeleteFolder")
        .WithSummary("Deletes a folder that holds no folders and no sources (editors and owners).")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
