using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Creates a category at the top of the codebook (ParentId null) or inside another.</summary>
public sealed record CreateCategory(Guid ProjectId, Guid CategoryId, string Name, Guid? ParentId, string? Memo, long? ExpectedVersion, Actor Actor);

public sealed record CreateCategoryRequest(string Name, Guid? ParentId = null, string? Memo = null, long? ExpectedVersion = null);

public static class CreateCategoryHandler
{
    private const string Refused = "CATEGORY_NOT_CREATED";

    public static Decision Decide(Project? project, Codebook? codebook, CreateCategory command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (CodebookRules.CheckCategoryName(book, command.Name, null, Refused, out var name) is { } badName)
        {
            return badName;
        }

        if (Memos.Check(command.Memo, Refused, out var memo) is { } badMemo)
        {
            return badMemo;
        }

        return command.ParentId is { } parentId && book.FindCategory(parentId) is null
            ? DomainError.Invalid($"{Refused}/PARENT_NOT_FOUND", "There is no such parent category in this project.")
            : Decision.Accept(new CategoryCreated(command.ProjectId, command.CategoryId, name, command.ParentId, memo, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(CreateCategory command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPost("/categories", (Guid projectId, CreateCategoryRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var command = new CreateCategory(projectId, Guid.CreateVersion7(), body.Name, body.ParentId, body.Memo, body.ExpectedVersion, actor);
            return bus.SendForCategoryAsync(command, projectId, command.CategoryId, actor, session, ct, created: true);
        })
        .WithName("CreateCategory")
        .WithSummary("Creates a category of codes (editors and owners), at the top or inside parentId; names are unique in the project ignoring case.")
        .Produces<CategoryView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
