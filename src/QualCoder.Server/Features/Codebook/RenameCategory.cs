using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

public sealed record RenameCategory(Guid ProjectId, Guid CategoryId, string Name, long? ExpectedVersion, Actor Actor);

public sealed record RenameCategoryRequest(string Name, long? ExpectedVersion = null);

public static class RenameCategoryHandler
{
    private const string Refused = "CATEGORY_NOT_RENAMED";

    public static Decision Decide(Project? project, Codebook? codebook, RenameCategory command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCategory(command.CategoryId) is not { } category)
        {
            return CodebookRules.CategoryNotFound(Refused);
        }

        if (CodebookRules.CheckCategoryName(book, command.Name, category.Id, Refused, out var name) is { } invalid)
        {
            return invalid;
        }

        return name == category.Name
            ? Decision.Accept()
            : Decision.Accept(new CategoryRenamed(command.ProjectId, category.Id, name, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RenameCategory command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPut("/categories/{categoryId:guid}/name", (Guid projectId, Guid categoryId, RenameCategoryRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendForCategoryAsync(new RenameCategory(projectId, categoryId, body.Name, body.ExpectedVersion, actor), projectId, categoryId, actor, session, ct);
        })
        .WithName("RenameCategory")
        .WithSummary("Renames a category (editors and owners); changing only the case of its name is allowed.")
        .Produces<CategoryView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
