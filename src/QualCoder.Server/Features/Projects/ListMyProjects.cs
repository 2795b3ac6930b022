using Marten;
using QualCoder.Server.Features.Accounts;

namespace QualCoder.Server.Features.Projects;

public static class ListMyProjects
{
    internal static void Map(RouteGroupBuilder projects) => projects
        .MapGet("/", async (HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var mine = await session.Query<Project>()
                .Where(p => !p.IsDeleted && p.Members.Any(m => m.AccountId == actor.AccountId))
                .OrderBy(p => p.Name)
                .ToListAsync(ct);
            return TypedResults.Ok(mine.Select(p => ProjectView.Of(p, actor)).ToList());
        })
        .WithName("ListMyProjects")
        .WithSummary("The projects the caller is a member of, by name.")
        .Produces<List<ProjectView>>();
}
