using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

public sealed record ChangeCategoryMemo(Guid ProjectId, Guid CategoryId, string? Memo, long? ExpectedVersion, Actor Actor);

public sealed record ChangeCategoryMemoRequest(string? Memo, long? ExpectedVersion = null);

public static class ChangeCategoryMemoHandler
{
    private const string Refused = "CATEGORY_MEMO_NOT_CHANGED";

    public static Decision Decide(Project? project, Codebook? codebook, ChangeCategoryMemo command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCategory(command.CategoryId) is not { } category)
        {
            return CodebookRules.CategoryNotFound(Refused);
        }

        if (Memos.Check(command.Memo, Refused, out var memo) is { } invalid)
        {
            return invalid;
        }

        return memo == category.Memo
            ? Decision.Accept()
            : Decision.Accept(new CategoryMemoChanged(command.ProjectId, category.Id, memo, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(ChangeCategoryMemo command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPut("/categories/{categoryId:guid}/memo", (Guid projectId, Guid categoryId, ChangeCategoryMemoRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendForCategoryAsync(new ChangeCategoryMemo(projectId, categoryId, body.Memo, body.ExpectedVersion, actor), projectId, categoryId, actor, session, ct);
        })
        .WithName("ChangeCategoryMemo")
        .WithSummary("Sets a category's memo (up to 10,000 characters); null or blank clears it (editors and owners).")
        .Produces<CategoryView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
