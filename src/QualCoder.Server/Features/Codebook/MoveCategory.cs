using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Moves a category (with everything in it) inside another, or to the top of the codebook (ParentId null).</summary>
public sealed record MoveCategory(Guid ProjectId, Guid CategoryId, Guid? ParentId, long? ExpectedVersion, Actor Actor);

/// <summary>ParentId must be sent; null moves the category to the top.</summary>
public sealed record MoveCategoryRequest(Guid? ParentId, long? ExpectedVersion = null);

public static class MoveCategoryHandler
{
    private const string Refused = "CATEGORY_NOT_MOVED";

    public static Decision Decide(Project? project, Codebook? codebook, MoveCategory command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCategory(command.CategoryId) is not { } category)
        {
            return CodebookRules.CategoryNotFound(Refused);
        }

        if (command.ParentId is { } parentId)
        {
            if (book.FindCategory(parentId) is null)
            {
                return DomainError.Invalid($"{Refused}/PARENT_NOT_FOUND", "There is no such parent category in this project.");
            }

            if (IsWithin(book, parentId, category.Id))
            {
                return DomainError.Invalid(
                    $"{Refused}/CYCLE",
                    $"The category \"{category.Name}\" cannot be moved into itself or into one of its own subcategories.");
            }
        }

        return command.ParentId == category.ParentId
            ? Decision.Accept()
            : Decision.Accept(new CategoryMoved(command.ProjectId, category.Id, command.ParentId, command.Actor, now));
    }

    /// <summary>Whether <paramref name="categoryId"/> is <paramref name="ancestorId"/> or lies anywhere below it.</summary>
    private static bool IsWithin(Codebook codebook, Guid categoryId, Guid ancestorId)
    {
        // Bounded by the number of categories, so even a damaged tree cannot loop forever.
        Guid? current = categoryId;
        for (var steps = 0; current is { } id && steps <= codebook.Categories.Count; steps++)
        {
            if (id == ancestorId)
            {
                return true;
            }

            current = codebook.FindCategory(id)?.ParentId;
        }

        return false;
    }

    public static Task<CommandOutcome> Handle(MoveCategory command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPut("/categories/{categoryId:guid}/parent", (Guid projectId, Guid categoryId, MoveCategoryRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendForCategoryAsync(new MoveCategory(projectId, categoryId, body.ParentId, body.ExpectedVersion, actor), projectId, categoryId, actor, session, ct);
        })
        .WithName("MoveCategory")
        .WithSummary("Moves a category with its contents inside another category, or with parentId null to the top (editors and owners). Moving it into itself or below itself is refused.")
        .Produces<CategoryView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
