using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>A server whose QualCoder:WebRoot is a folder of its own, holding what the test puts there.</summary>
public abstract class WebRootApp : QualCoderApp, IAsyncLifetime
{
    protected WebRootApp(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Folder, path))!);
            File.WriteAllText(Path.Combine(Folder, path), text);
        }
    }

    public string Folder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"qualcoder-webroot-{Guid.NewGuid():N}")).FullName;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["QualCoder:WebRoot"] = Folder };

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class BuiltWebApp() : WebRootApp(new Dictionary<string, string>
{
    ["index.html"] = "<!doctype html><title>QualCoder</title><div id=app></div>",
    ["assets/x.js"] = "console.log('x');",
});

public sealed class UnbuiltWebApp() : WebRootApp(new Dictionary<string, string>());

public sealed class WebAppTests(BuiltWebApp app) : IntegrationTest<BuiltWebApp>(app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/projects/123/code/456")]
    public async Task the_app_and_its_client_routes_answer_index_html_without_signing_in(string path)
    {
        using var page = await Anonymous().Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=app>", await page.Content.ReadAsStringAsync());
        Assert.True(page.Headers.CacheControl?.NoCache, $"index.html must be revalidated, got '{page.Headers.CacheControl}'");
    }

    [Fact]
    public async Task hashed_assets_are_served_and_cached_for_good()
    {
        using var script = await Anonymous().Http.GetAsync("/assets/x.js");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("console.log('x');", await script.Content.ReadAsStringAsync());
        Assert.Equal("public, max-age=31536000, immutable", script.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/api/nope")]
    [InlineData("/api")]
    [InlineData("/hubs/nope")]
    [InlineData("/assets/missing.js")]
    public async Task the_servers_own_unknown_paths_stay_404_problems(string path)
    {
        var reply = await (await SignedIn("Ada")).Get(path);

        reply.ShouldBe(HttpStatusCode.NotFound, "REQUEST/NO_SUCH_ROUTE");
    }

    [Fact]
    public async Task the_api_the_hub_and_the_api_reference_still_answer()
    {
        var ada = await SignedIn("Ada");

        (await ada.Get("/api/auth/me")).ShouldBe(HttpStatusCode.OK);
        (await Anonymous().Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        using var negotiate = await ada.Http.PostAsync("/hubs/project/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Contains("connectionToken", await negotiate.Content.ReadAsStringAsync());
    }
}

public sealed class UnbuiltWebAppTests(UnbuiltWebApp app) : IntegrationTest<UnbuiltWebApp>(app)
{
    [Fact]
    public async Task without_a_build_the_root_says_how_to_build_it()
    {
        using var page = await Anonymous().Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("cd web &amp;&amp; npm ci &amp;&amp; npm run build", await page.Content.ReadAsStringAsync());
        (await Anonymous().Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
    }
}
