using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

/// <summary>Deletes a source and every coding on it. The HTTP endpoint sends it only once the caller confirmed the preview.</summary>
public sealed record DeleteSource(Guid ProjectId, Guid SourceId, Actor Actor);

/// <summary>What deleting would do; nothing has changed yet.</summary>
public sealed record SourceDeletePreview(Guid SourceId, string Name, int CodingsToRemove, bool RequiresConfirmation);

public sealed record SourceDeleteResult(bool Removed, int CodingsRemoved);

/// <summary>The handler's answer: why the delete was refused, or how many codings went with the source.</summary>
public sealed record SourceDeletion(DomainError? Error, int CodingsRemoved);

public static class DeleteSourceHandler
{
    private const string Refused = "SOURCE_NOT_DELETED";

    /// <param name="codings">How many codings the source has now; they all go with it.</param>
    public static Decision Decide(Project? project, Source? source, int codings, DeleteSource command, DateTimeOffset now) =>
        SourceAccess.Require(project, source, command.Actor, ProjectRole.Editor, Refused) is { } denied
            ? denied
            : Decision.Accept(new SourceDeleted(command.ProjectId, command.SourceId, codings, command.Actor, now));

    /// <summary>The same checks as <see cref="Decide"/>, answering what a delete would remove instead of removing it.</summary>
    public static DomainError? Preview(Project? project, Source? source, int codings, Actor actor, out SourceDeletePreview? preview)
    {
        preview = null;
        if (SourceAccess.Require(project, source, actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        preview = new SourceDeletePreview(source!.Id, source.Name, codings, RequiresConfirmation: true);
        return null;
    }

    /// <summary>What deleting the source would remove, as <paramref name="actor"/> may see it: the HTTP preview and the agents' tool share it.</summary>
    public static async Task<(DomainError? Error, SourceDeletePreview? Preview)> PreviewAsync(
        IQuerySession session, Guid projectId, Guid sourceId, Actor actor, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(projectId);
        var source = batch.Load<Source>(sourceId);
        var codings = SourceView.CodingsOf(batch, sourceId);
        await batch.Execute(ct);
        var denied = Preview(await project, await source, await codings, actor, out var preview);
        return (denied, preview);
    }

    /// <summary>
    /// The count is read in the same batch as the stream; codings are appended to the source's own stream, so a coding
    /// added after the count makes the append lose its race, and the retry counts again.
    /// </summary>
    public static async Task<SourceDeletion> Handle(DeleteSource command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var counted = 0;
        var outcome = await session.DecideInProjectAsync<Source, int>(
            command.ProjectId, command.SourceId, null,
            batch => SourceView.CodingsOf(batch, command.SourceId),
            (p, s, codings) =>
            {
                counted = codings;
                return Decide(p, s, codings, command, clock.GetUtcNow());
            },
            ct);
        return new SourceDeletion(outcome.Error, counted);
    }

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapDelete("/{sourceId:guid}", async (Guid projectId, Guid sourceId, bool? confirm, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            if (confirm is not true)
            {
                var (denied, preview) = await PreviewAsync(session, projectId, sourceId, actor, ct);
                return denied is not null ? denied.ToProblem() : TypedResults.Ok(preview);
            }

            var deletion = await bus.InvokeAsync<SourceDeletion>(new DeleteSource(projectId, sourceId, actor), ct);
            return deletion.Error is { } error
                ? error.ToProblem()
                : TypedResults.Ok(new SourceDeleteResult(Removed: true, deletion.CodingsRemoved));
        })
        .WithName("DeleteSource")
        .WithSummary(
            "Without ?confirm=true: a preview {sourceId, name, codingsToRemove, requiresConfirmation} that changes nothing. " +
            "With ?confirm=true: deletes the source and all its codings, answering {removed, codingsRemoved} (editors and owners).")
        .Produces<SourceDeletePreview>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
