using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Sources;

public static class ListSources
{
    /// <summary>A source's stream version, which codings advance while its document stays as it was.</summary>
    private sealed record StreamVersion(Guid Id, long Version);

    /// <summary>
    /// The project's sources (all, or those directly in <paramref name="folderId"/>) as <paramref name="actor"/> may
    /// read them: the HTTP list and the agents' tools share it.
    /// </summary>
    public static async Task<(DomainError? Error, List<SourceView> Sources)> QueryAsync(
        IQuerySession session, Guid projectId, Guid? folderId, Actor actor, string codePrefix, CancellationToken ct)
    {
        // One round trip: the project (for access), the folders (to tell an unknown folder), the sources, every
        // source's coding count from one grouped query over the segment rows, and the sources' stream versions.
        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(projectId);
        var folders = batch.Load<FolderTree>(ProjectStreams.FoldersOf(projectId));
        var live = batch.Query<Source>().Where(s => s.ProjectId == projectId && !s.IsDeleted);
        var listed = (folderId is { } id ? live.Where(s => s.FolderId == id) : live).ToList();
        var counts = CodingCounts.CountBy(batch, session, projectId, CodingCounts.BySource);
        var versions = batch.Query<StreamVersion>(
            $"select jsonb_build_object('id', s.id, 'version', s.version) from {session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams s " +
            $"join {session.DocumentStore.Options.Schema.For<Source>()} d on d.id = s.id where d.project_id = ?",
            projectId);
        await batch.Execute(ct);

        if (ProjectAccess.Require(await project, actor, ProjectRole.Viewer, codePrefix) is { } denied)
        {
            return (denied, []);
        }

        if (folderId is { } wanted && (await folders)?.Find(wanted) is null)
        {
            return (DomainError.NotFound($"{codePrefix}/FOLDER_NOT_FOUND", "There is no such folder in this project."), []);
        }

        var codings = (await counts).ToDictionary(c => c.Id, c => c.Count);
        var streams = (await versions).ToDictionary(v => v.Id, v => v.Version);
        return (null, (await listed)
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => SourceView.Of(s, codings.GetValueOrDefault(s.Id), streams.GetValueOrDefault(s.Id, s.Version)))
            .ToList());
    }

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapGet("/", async (Guid projectId, Guid? folderId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var (error, listed) = await QueryAsync(session, projectId, folderId, http.User.ToActor(), "SOURCES", ct);
            return error is not null ? error.ToProblem() : TypedResults.Ok(listed);
        })
        .WithName("ListSources")
        .WithSummary("The project's sources (all, or those directly in ?folderId=), by name, with their length and coding counts.")
        .Produces<List<SourceView>>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
