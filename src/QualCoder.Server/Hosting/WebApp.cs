using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace QualCoder.Server.Hosting;

/// <summary>
/// Serves the browser app (the SPA Vite builds) from the same origin as the API, so the session cookie and the live
/// channel need no CORS. Any path that is not a file and not the server's own (/api, /hubs, /openapi, /health, /scalar…) is a
/// client route and gets index.html; the server's own unknown paths keep their 404 problem.
/// </summary>
public static class WebApp
{
    public const string RootSetting = "QualCoder:WebRoot";
    private const string ClientRoute = "clientroute";
    private const string Pattern = $"{{*path:nonfile:{ClientRoute}}}";
    private static readonly string[] ServerSegments = ["api", "hubs", "openapi", "health"];

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en"><meta charset="utf-8"><title>QualCoder Web: front end not built</title>
        <h1>The web front end is not built</h1>
        <p>The server and its API at <a href="/scalar/v1">/scalar/v1</a> are running, but there is no browser app to serve.</p>
        <p>Build it with <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code> and restart the server,
        or point the setting <code>QualCoder:WebRoot</code> (environment <code>QualCoder__WebRoot</code>) at a built copy.</p>
        </html>
        """;

    public static WebApplicationBuilder AddWebApp(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RouteOptions>(options => options.SetParameterPolicy<ClientRouteConstraint>(ClientRoute));
        return builder;
    }

    /// <summary>Goes before the API's middleware: static files answer without routing or authentication.</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        if (FindRoot(app.Configuration, app.Environment) is not { } root)
        {
            app.Logger.LogWarning("No built web front end was found (set {Setting}); / answers a page that says how to build it.", RootSetting);
            app.MapFallback(Pattern, () => TypedResults.Content(NotBuiltPage, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound))
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
                .AllowAnonymous()
                .ExcludeFromDescription();
            return app;
        }

        var files = new StaticFileOptions { FileProvider = new PhysicalFileProvider(root), OnPrepareResponse = SetCaching };
        app.UseStaticFiles(files);
        app.MapFallbackToFile(Pattern, "index.html", files).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The configured folder; otherwise wwwroot (where the image puts the build), then web/dist of a checkout (where
    /// infra/run.sh builds it, two levels above the project). A folder without index.html is no app.
    /// </summary>
    private static string? FindRoot(IConfiguration configuration, IWebHostEnvironment environment)
    {
        var contentRoot = environment.ContentRootPath;
        string[] candidates = configuration[RootSetting] is { Length: > 0 } configured
            ? [Path.GetFullPath(configured, contentRoot)]
            : [Path.Combine(contentRoot, "wwwroot"), Path.GetFullPath(Path.Combine(contentRoot, "..", "..", "web", "dist"))];
        return candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "index.html")));
    }

    /// <summary>Vite names files under assets/ by their content hash, so they never change; everything else may.</summary>
    private static void SetCaching(StaticFileResponseContext context)
    {
        context.Context.Response.Headers[HeaderNames.CacheControl] = context.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }

    /// <summary>Matches a path unless its first segment belongs to the server (the API, the hubs, the API reference).</summary>
    private sealed class ClientRouteConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        {
            var path = values.TryGetValue(routeKey, out var value) ? value as string ?? "" : "";
            var first = path.Split('/', 2)[0];
            return !ServerSegments.Contains(first, StringComparer.OrdinalIgnoreCase)
                && !first.StartsWith("scalar", StringComparison.OrdinalIgnoreCase);
        }
    }
}
