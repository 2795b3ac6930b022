using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Codes and categories: one codebook stream per project.</summary>
public static class CodebookModule
{
    public static void ConfigureCodebook(this StoreOptions store) =>
        store.Projections.Snapshot<Codebook>(SnapshotLifecycle.Inline);

    public static RouteGroupBuilder MapCodebook(this IEndpointRouteBuilder app)
    {
        var project = app.MapGroup("/api/projects/{projectId:guid}").WithTags("Codebook");
        GetCodebook.Map(project);
        ListCodes.Map(project);
        GetCode.Map(project);
        CreateCodeHandler.Map(project);
        RenameCodeHandler.Map(project);
        RecolourCodeHandler.Map(project);
        ChangeCodeMemoHandler.Map(project);
        MoveCodeHandler.Map(project);
        MergeCodesHandler.Map(project);
        DeleteCodeHandler.Map(project);
        GetCategory.Map(project);
        CreateCategoryHandler.Map(project);
        RenameCategoryHandler.Map(project);
        MoveCategoryHandler.Map(project);
        ChangeCategoryMemoHandler.Map(project);
        DeleteCategoryHandler.Map(project);
        return project;
    }
}
