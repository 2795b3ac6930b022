using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Folders;

public sealed record CreateFolder(Guid ProjectId, Guid FolderId, string Name, Guid? ParentId, Actor Actor);

public sealed record CreateFolderRequest(string Name, Guid? ParentId = null);

public static class CreateFolderHandler
{
    public const int MaxNameLength = 255;
    private const string Refused = "FOLDER_NOT_CREATED";

    /// <param name="tree">The project's folder tree; null until its first folder.</param>
    public static Decision Decide(Project? project, FolderTree? tree, CreateFolder command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (CheckName(command.Name, Refused, out var name) is { } invalid)
        {
            return invalid;
        }

        if (command.ParentId is { } parentId && tree?.Find(parentId) is null)
        {
            return ParentNotFound(Refused);
        }

        return HasSiblingNamed(tree, command.ParentId, name, except: null)
            ? DuplicateName(Refused, name)
            : Decision.Accept(new FolderCreated(command.ProjectId, command.FolderId, name, command.ParentId, command.Actor, now));
    }

    /// <summary>A folder name is a name (1..255 characters, trimmed) that could never be mistaken for a path.</summary>
    public static DomainError? CheckName(string? raw, string codePrefix, out string name)
    {
        if (Names.Check(raw, MaxNameLength, codePrefix, "folder name", out name) is { } invalid)
        {
            return invalid;
        }

        return name.AsSpan().IndexOfAny('/', '\\') >= 0
            ? DomainError.Invalid($"{codePrefix}/INVALID_NAME", "A folder name may not contain / or \\.")
            : null;
    }

    /// <summary>Whether another folder under <paramref name="parentId"/> (null: the root) has this name, ignoring case.</summary>
    public static bool HasSiblingNamed(FolderTree? tree, Guid? parentId, string name, Guid? except) =>
        tree is not null && tree.Folders.Any(f =>
            f.ParentId == parentId && f.Id != except && f.Name.ToLowerInvariant() == name.ToLowerInvariant());

    public static DomainError DuplicateName(string codePrefix, string name) => DomainError.Conflict(
        $"{codePrefix}/DUPLICATE_NAME", $"There is already a folder named \"{name}\" there (names are compared ignoring case).");

    public static DomainError NotFound(string codePrefix) =>
        DomainError.NotFound($"{codePrefix}/NOT_FOUND", "There is no such folder in this project.");

    public static DomainError ParentNotFound(string codePrefix) =>
        DomainError.Invalid($"{codePrefix}/PARENT_NOT_FOUND", "There is no such parent folder in this project.");

    public static Task<CommandOutcome> Handle(CreateFolder command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<FolderTree>(
            command.ProjectId, ProjectStreams.FoldersOf(command.ProjectId), null, (p, t) => Decide(p, t, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder folders) => folders
        .MapPost("/", async (Guid projectId, CreateFolderRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var command = new CreateFolder(projectId, Guid.CreateVersion7(), body.Name, body.ParentId, http.User.ToActor());
            var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
            return outcome.Error is { } error
                ? error.ToProblem()
                : Replies.CreatedOrGone($"/api/projects/{projectId}/folders/{command.FolderId}", await FolderReply.LoadAsync(session, projectId, command.FolderId, ct));
        })
        .WithName("CreateFolder")
        .WithSummary("Creates a folder at the root or inside parentId (editors and owners); names are unique among siblings ignoring case.")
        .Produces<FolderReply>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
