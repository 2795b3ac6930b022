using Marten;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Codebook;

public static class GetCategory
{
    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/categories/{categoryId:guid}", async (Guid projectId, Guid categoryId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, http.User.ToActor(), "CATEGORY", null, ct);
            if (denied is not null)
            {
                return denied.ToProblem();
            }

            return CodebookView.CategoryOf(codebook, categoryId, counts) is { } category
                ? TypedResults.Ok(category with { Version = codebook!.Version })
                : CodebookRules.CategoryNotFound("CATEGORY").ToProblem();
        })
        .WithName("GetCategory")
        .WithSummary("One category with everything inside it (subcategories to any depth, codes with their coding counts), and the codebook's version.")
        .Produces<CategoryView>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
