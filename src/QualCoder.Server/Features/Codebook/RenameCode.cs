using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

public sealed record RenameCode(Guid ProjectId, Guid CodeId, string Name, long? ExpectedVersion, Actor Actor);

public sealed record RenameCodeRequest(string Name, long? ExpectedVersion = null);

public static class RenameCodeHandler
{
    private const string Refused = "CODE_NOT_RENAMED";

    public static Decision Decide(Project? project, Codebook? codebook, RenameCode command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCode(command.CodeId) is not { } code)
        {
            return CodebookRules.CodeNotFound(Refused);
        }

        if (CodebookRules.CheckCodeName(book, command.Name, code.Id, Refused, out var name) is { } invalid)
        {
            return invalid;
        }

        return name == code.Name
            ? Decision.Accept()
            : Decision.Accept(new CodeRenamed(command.ProjectId, code.Id, name, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RenameCode command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPut("/codes/{codeId:guid}/name", (Guid projectId, Guid codeId, RenameCodeRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendForCodeAsync(new RenameCode(projectId, codeId, body.Name, body.ExpectedVersion, actor), projectId, codeId, actor, session, ct);
        })
        .WithName("RenameCode")
        .WithSummary("Renames a code (editors and owners); changing only the case of its name is allowed. Send expectedVersion to refuse the change if the codebook changed first.")
        .Produces<CodeView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
