using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Moves a code into a category, or out of every category (CategoryId null).</summary>
public sealed record MoveCode(Guid ProjectId, Guid CodeId, Guid? CategoryId, long? ExpectedVersion, Actor Actor);

/// <summary>CategoryId must be sent; null moves the code out of every category.</summary>
public sealed record MoveCodeRequest(Guid? CategoryId, long? ExpectedVersion = null);

public static class MoveCodeHandler
{
    private const string Refused = "CODE_NOT_MOVED";

    public static Decision Decide(Project? project, Codebook? codebook, MoveCode command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCode(command.CodeId) is not { } code)
        {
            return CodebookRules.CodeNotFound(Refused);
        }

        if (command.CategoryId is { } categoryId && book.FindCategory(categoryId) is null)
        {
            return DomainError.Invalid($"{Refused}/CATEGORY_NOT_FOUND", "There is no such category in this project.");
        }

        return command.CategoryId == code.CategoryId
            ? Decision.Accept()
            : Decision.Accept(new CodeMoved(command.ProjectId, code.Id, command.CategoryId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(MoveCode command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPut("/codes/{codeId:guid}/category", (Guid projectId, Guid codeId, MoveCodeRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendForCodeAsync(new MoveCode(projectId, codeId, body.CategoryId, body.ExpectedVersion, actor), projectId, codeId, actor, session, ct);
        })
        .WithName("MoveCode")
        .WithSummary("Moves a code into a category, or with categoryId null out of every category (editors and owners).")
        .Produces<CodeView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
