using Marten;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Members;

public sealed record MemberView(Guid AccountId, string Email, string DisplayName, ProjectRole Role, DateTimeOffset Since)
{
    /// <summary>The members of a project with their names, in two queries however many members there are.</summary>
    public static async Task<List<MemberView>> ListAsync(IQuerySession session, Guid projectId, CancellationToken ct)
    {
        var project = await session.LoadAsync<Project>(projectId, ct);
        return project is null ? [] : await ListAsync(session, project, ct);
    }

    public static async Task<List<MemberView>> ListAsync(IQuerySession session, Project project, CancellationToken ct)
    {
        var ids = project.Members.Select(m => m.AccountId).ToArray();
        var accounts = (await session.LoadManyAsync<Account>(ct, ids)).ToDictionary(a => a.Id);
        return project.Members
            .Where(m => accounts.ContainsKey(m.AccountId))
            .Select(m => new MemberView(m.AccountId, accounts[m.AccountId].Email, accounts[m.AccountId].DisplayName, m.Role, m.Since))
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}

public static class ListMembers
{
    internal static void Map(RouteGroupBuilder members) => members
        .MapGet("/", async (Guid projectId, HttpContext http, IQuerySession session, CancellationToken ct) =>
        {
            var project = await session.LoadAsync<Project>(projectId, ct);
            return ProjectAccess.Require(project, http.User.ToActor(), ProjectRole.Viewer, "MEMBERS") is { } error
                ? error.ToProblem()
                : TypedResults.Ok(await MemberView.ListAsync(session, project!, ct));
        })
        .WithName("ListMembers")
        .WithSummary("The project's members with their roles, owners first.")
        .Produces<List<MemberView>>()
        .ProducesProblem(StatusCodes.Status404NotFound);
}
