using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace QualCoder.Server.Hosting;

/// <summary>
/// Behind a TLS-terminating reverse proxy, and the headers every response carries. The proxy's X-Forwarded-For,
/// -Proto and -Host are believed only from loopback and QualCoder:TrustedProxies, so the app sees the caller's
/// address and https (which makes the session cookie Secure) without letting anyone else claim them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The SPA runs only its own scripts (Vite emits files, no inline code) and talks only to its origin. Styles may be
    /// inline: the coding view paints each code's highlight colour from a style element it writes.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) configures itself with an inline script as well.</summary>
    public const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ServerSettings>, IConfiguration>((options, settings, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in settings.Value.TrustedProxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.Value.TrustedNetworks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // A forwarded Host must pass the same filter as a direct one.
            var hosts = (configuration[ServerSettings.AllowedHostsKey] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!hosts.Contains("*"))
            {
                options.AllowedHosts = hosts;
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so every later step sees the proxied request and every answer carries the headers.</summary>
    public static WebApplication UseReverseProxyAndSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            // Set as the response starts: the exception handler clears headers set earlier.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : ContentSecurityPolicy;
                if (context.Request.IsHttps)
                {
                    headers.StrictTransportSecurity = "max-age=31536000";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
