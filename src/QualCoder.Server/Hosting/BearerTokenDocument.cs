using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace QualCoder.Server.Hosting;

/// <summary>Declares personal access tokens in the OpenAPI document, so the API reference can send one.</summary>
public sealed class BearerTokenDocument : IOpenApiDocumentTransformer
{
    private const string Scheme = "personal_access_token";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (qcw_…), created under /api/account/tokens. Browsers use the session cookie instead.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
        return Task.CompletedTask;
    }
}
