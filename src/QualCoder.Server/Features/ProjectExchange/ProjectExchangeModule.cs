using Marten;

namespace QualCoder.Server.Features.ProjectExchange;

/// <summary>Moving a project between servers: its event history exported as one file, and imported as a new project.</summary>
public static class ProjectExchangeModule
{
    /// <summary>Registers every kind of project event, so each has its stored type name before one was ever appended.</summary>
    public static void ConfigureProjectExchange(this StoreOptions store) => store.Events.AddEventTypes(ExchangeEvents.Treatments.Keys);

    public static RouteGroupBuilder MapProjectExchange(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects").WithTags("Project exchange");
        ExportProject.Map(projects);
        ImportProject.Map(projects);
        return projects;
    }
}
