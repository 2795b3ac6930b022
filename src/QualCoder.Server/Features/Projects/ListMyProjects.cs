using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;

namespace QualCoder.Server.Features.Projects;

public static class ListMyProjects
{
    /// <summary>The projects <paramref name="actor"/> is a member of, by name (the HTTP list and the list_projects tool).</summary>
    public static async Task<List<ProjectView>> QueryAsync(IQuerySession session, Actor actor, CancellationToken ct)
    {
        var mine = await session.Query<Project>()
            .Where(p => !p.IsDeleted && p.Members.Any(m => m.AccountId == actor.AccountId))
            .OrderBy(p => p.Name)
            .ToListAsync(ct);
        return mine.Select(p => ProjectView.Of(p, actor)).ToList();
    }

    internal static void Map(RouteGroupBuilder projects) => projects
        .MapGet("/", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
            TypedResults.Ok(await QueryAsync(session, http.User.ToActor(), ct)))
        .WithName("ListMyProjects")
        .WithSummary("The projects the caller is a member of, by name.")
        .Produces<List<ProjectView>>();
}
