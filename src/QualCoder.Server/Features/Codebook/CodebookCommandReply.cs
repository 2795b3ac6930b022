using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

/// <summary>
/// How every codebook command answers over HTTP: its problem, or the code or category it changed as it is now, with
/// the codebook's new version (201 with its address when it was created). When the thing is gone by the time of
/// reading (a concurrent delete), the answer is 204.
/// </summary>
internal static class CodebookCommandReply
{
    public static async Task<IResult> SendForCodeAsync(
        this IMessageBus bus, object command, Guid projectId, Guid codeId, Actor actor, IQuerySession session, CancellationToken ct, bool created = false)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        if (outcome.Error is { } error)
        {
            return error.ToProblem();
        }

        var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, actor, "CODE", codeId, ct);
        if (denied is not null || codebook?.FindCode(codeId) is not { } code)
        {
            return TypedResults.NoContent();
        }

        var view = counts.ViewOf(code) with { Version = codebook.Version };
        return created ? TypedResults.Created($"/api/projects/{projectId}/codes/{codeId}", view) : TypedResults.Ok(view);
    }

    public static async Task<IResult> SendForCategoryAsync(
        this IMessageBus bus, object command, Guid projectId, Guid categoryId, Actor actor, IQuerySession session, CancellationToken ct, bool created = false)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        if (outcome.Error is { } error)
        {
            return error.ToProblem();
        }

        var (denied, codebook, counts) = await CodebookView.ReadAsync(session, projectId, actor, "CATEGORY", null, ct);
        if (denied is not null || CodebookView.CategoryOf(codebook, categoryId, counts) is not { } category)
        {
            return TypedResults.NoContent();
        }

        var view = category with { Version = codebook!.Version };
        return created ? TypedResults.Created($"/api/projects/{projectId}/categories/{categoryId}", view) : TypedResults.Ok(view);
    }

    /// <summary>Answers a command whose thing no longer exists afterwards (a delete): 204, or its problem.</summary>
    public static async Task<IResult> SendForNothingAsync(this IMessageBus bus, object command, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        return outcome.ToHttp(TypedResults.NoContent);
    }
}
