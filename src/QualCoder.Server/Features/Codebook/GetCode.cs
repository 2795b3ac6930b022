using Marten;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Codebook;

public static class GetCode
{
    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/codes/{codeId:guid}", async (Guid projectId, Guid codeId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, http.User.ToActor(), "CODE", codeId, ct);
            if (denied is not null)
            {
                return denied.ToProblem();
            }

            return codebook?.FindCode(codeId) is { } code
                ? TypedResults.Ok(counts.ViewOf(code) with { Version = codebook.Version })
                : CodebookRules.CodeNotFound("CODE").ToProblem();
        })
        .WithName("GetCode")
        .WithSummary("One code with its number of codings in total and per coder, and the codebook's version.")
        .Produces<CodeView>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
