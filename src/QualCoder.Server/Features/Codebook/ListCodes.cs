using Marten;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Every code of a project as one flat list, by name (QualCoder's list_codes).</summary>
public static class ListCodes
{
    internal static void Map(RouteGroupBuilder project) => project
        .MapGet("/codes", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, http.User.ToActor(), "CODEBOOK", null, ct);
            return denied is not null ? denied.ToProblem() : TypedResults.Ok(CodebookView.ListCodes(codebook, counts));
        })
        .WithName("ListCodes")
        .WithSummary("Every code of the project in one flat list by name, each with its category and its number of codings in total and per coder.")
        .Produces<List<CodeView>>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
