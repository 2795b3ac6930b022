namespace QualCoder.Server.Features.History;

/// <summary>The diff and restore routes of a project's history.</summary>
public static class HistoryRestoreModule
{
    public static RouteGroupBuilder MapHistoryRestore(this IEndpointRouteBuilder app)
    {
        var history = app.MapGroup("/api/projects/{projectId:guid}/history").WithTags("History");
        ViewDiff.Map(history);
        RestoreVersionHandler.Map(history);
        return history;
    }
}
