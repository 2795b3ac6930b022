using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Projects;

/// <summary>Projects as event streams, and what their owners do with them.</summary>
public static class ProjectsModule
{
    public static void ConfigureProjects(this StoreOptions store)
    {
        store.Projections.Snapshot<Project>(SnapshotLifecycle.Inline);
        store.Schema.For<Project>().GinIndexJsonData();
    }

    public static RouteGroupBuilder MapProjects(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Projects");
        ListMyProjects.Map(projects);
        GetProject.Map(projects);
        CreateProjectHandler.Map(projects);
        RenameProjectHandler.Map(projects);
        DescribeProjectHandler.Map(projects);
        DeleteProjectHandler.Map(projects);
        return projects;
    }
}
