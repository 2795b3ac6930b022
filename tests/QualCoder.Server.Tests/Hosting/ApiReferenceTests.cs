using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Hosting;

public sealed class ApiReferenceTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task the_openapi_document_describes_every_api_route()
    {
        var document = (await Anonymous().Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var paths = document["paths"].AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/projects/{projectId}/members/{accountId}", paths);
        Assert.Contains("/api/account/tokens", paths);
        Assert.Contains("/api/accounts", paths);
        Assert.Equal("Renames a project (owners only). Send expectedVersion to refuse the change if someone else changed the project first.",
            document["paths"]["/api/projects/{projectId}/name"]!["put"]!["summary"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_openapi_document_declares_personal_access_tokens()
    {
        var document = (await Anonymous().Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var scheme = document["components"]["securitySchemes"]!["personal_access_token"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.True(document["security"].AsArray()[0]!.AsObject().ContainsKey("personal_access_token"));
    }

    [Fact]
    public async Task the_api_reference_is_browsable_without_signing_in()
    {
        var page = await Anonymous().Http.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
