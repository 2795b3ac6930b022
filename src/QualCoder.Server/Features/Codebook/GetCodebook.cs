using Marten;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Codebook;

public static class GetCodebook
{
    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/codebook", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, http.User.ToActor(), "CODEBOOK", null, ct);
            return denied is not null ? denied.ToProblem() : TypedResults.Ok(CodebookView.Of(codebook, counts));
        })
        .WithName("GetCodebook")
        .WithSummary("The whole codebook as a tree: categories with their subcategories and codes, the codes in no category, and per code its number of codings in total and per coder.")
        .Produces<CodebookView>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
