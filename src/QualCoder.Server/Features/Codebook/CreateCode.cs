using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

public sealed record CreateCode(
    Guid ProjectId, Guid CodeId, string Name, string Color, string? Memo, Guid? CategoryId, long? ExpectedVersion, Actor Actor);

public sealed record CreateCodeRequest(string Name, string Color, string? Memo = null, Guid? CategoryId = null, long? ExpectedVersion = null);

public static class CreateCodeHandler
{
    private const string Refused = "CODE_NOT_CREATED";

    public static Decision Decide(Project? project, Codebook? codebook, CreateCode command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (CodebookRules.CheckCodeName(book, command.Name, null, Refused, out var name) is { } badName)
        {
            return badName;
        }

        if (CodebookRules.CheckColor(command.Color, Refused, out var color) is { } badColor)
        {
            return badColor;
        }

        if (Memos.Check(command.Memo, Refused, out var memo) is { } badMemo)
        {
            return badMemo;
        }

        return command.CategoryId is { } categoryId && book.FindCategory(categoryId) is null
            ? DomainError.Invalid($"{Refused}/CATEGORY_NOT_FOUND", "There is no such category in this project.")
            : Decision.Accept(new CodeCreated(command.ProjectId, command.CodeId, name, color, memo, command.CategoryId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(CreateCode command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPost("/codes", (Guid projectId, CreateCodeRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var command = new CreateCode(projectId, Guid.CreateVersion7(), body.Name, body.Color, body.Memo, body.CategoryId, body.ExpectedVersion, actor);
            return bus.SendForCodeAsync(command, projectId, command.CodeId, actor, session, ct, created: true);
        })
        .WithName("CreateCode")
        .WithSummary("Creates a code (editors and owners): a name unique in the project ignoring case, a colour #RGB or #RRGGBB, an optional memo and category.")
        .Produces<CodeView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
