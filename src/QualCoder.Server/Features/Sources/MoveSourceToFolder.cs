using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

/// <summary>Moves a source into a folder, or back to the root when FolderId is null.</summary>
public sealed record MoveSourceToFolder(Guid ProjectId, Guid SourceId, Guid? FolderId, long? ExpectedVersion, Actor Actor);

/// <summary>FolderId must be sent, as null for the root, so that an empty body never moves a source by accident.</summary>
public sealed record MoveSourceToFolderRequest(Guid? FolderId, long? ExpectedVersion = null);

public static class MoveSourceToFolderHandler
{
    private const string Refused = "SOURCE_NOT_MOVED";

    /// <param name="folders">The project's folder tree; null until its first folder.</param>
    public static Decision Decide(Project? project, Source? source, FolderTree? folders, MoveSourceToFolder command, DateTimeOffset now)
    {
        if (SourceAccess.Require(project, source, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (command.FolderId is { } folderId && folders?.Find(folderId) is null)
        {
            return SourceAccess.FolderNotFound(Refused);
        }

        return command.FolderId == source!.FolderId
            ? Decision.Accept()
            : Decision.Accept(new SourceMovedToFolder(command.ProjectId, command.SourceId, command.FolderId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(MoveSourceToFolder command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Source, FolderTree?>(
            command.ProjectId, command.SourceId, command.ExpectedVersion,
            batch => batch.Load<FolderTree>(ProjectStreams.FoldersOf(command.ProjectId)),
            (p, s, folders) => Decide(p, s, folders, command, clock.GetUtcNow()),
            ct,
            sharing: command.FolderId is null ? null : ProjectStreams.FoldersOf(command.ProjectId));

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapPut("/{sourceId:guid}/folder", (Guid projectId, Guid sourceId, MoveSourceToFolderRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
            bus.SendAsync(new MoveSourceToFolder(projectId, sourceId, body.FolderId, body.ExpectedVersion, http.User.ToActor()), sourceId, session, ct))
        .WithName("MoveSourceToFolder")
        .WithSummary("Moves a source into a folder ({\"folderId\": \"…\"}) or to the root ({\"folderId\": null}) (editors and owners).")
        .Produces<SourceView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
