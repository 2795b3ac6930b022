using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Deletes a category; its codes and child categories move up to its parent (or to the top).</summary>
public sealed record DeleteCategory(Guid ProjectId, Guid CategoryId, long? ExpectedVersion, Actor Actor);

public static class DeleteCategoryHandler
{
    private const string Refused = "CATEGORY_NOT_DELETED";

    public static Decision Decide(Project? project, Codebook? codebook, DeleteCategory command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        return book.FindCategory(command.CategoryId) is null
            ? CodebookRules.CategoryNotFound(Refused)
            : Decision.Accept(new CategoryDeleted(command.ProjectId, command.CategoryId, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(DeleteCategory command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapDelete("/categories/{categoryId:guid}", (Guid projectId, Guid categoryId, long? expectedVersion, HttpContext http, IMessageBus bus, CancellationToken ct) =>
            bus.SendForNothingAsync(new DeleteCategory(projectId, categoryId, expectedVersion, http.User.ToActor()), ct))
        .WithName("DeleteCategory")
        .WithSummary("Deletes a category (editors and owners); its codes and child categories move up to its parent.")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
