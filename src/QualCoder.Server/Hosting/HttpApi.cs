using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Scalar.AspNetCore;

namespace QualCoder.Server.Hosting;

/// <summary>How the HTTP API reads and writes: strict JSON, bounded bodies, problem details, an OpenAPI document.</summary>
public static class HttpApi
{
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddHttpApi(this WebApplicationBuilder builder)
    {
        var maxBody = builder.Configuration.GetValue("QualCoder:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            // A misspelt or unknown field is a client bug; ignoring it would silently lose what was meant.
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.RespectNullableAnnotations = true;
            json.RespectRequiredConstructorParameters = true;
            json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
            json.Converters.Add(new NoNulStrings());
            // Transcripts are in every script; escaping all non-ASCII would triple their size on the wire.
            // The API answers application/json only, never HTML, so HTML-sensitive characters need no escaping.
            json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });
        builder.Services.AddProblemResponses();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<BearerTokenDocument>());
        return builder;
    }

    /// <summary>
    /// Refuses a body whose declared length is over the endpoint's limit before anything reads it. Kestrel enforces
    /// the same limit on bodies of unknown length; this also covers hosts without Kestrel (the test server).
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long defaultLimit) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            await ProblemResponses.Problem(StatusCodes.Status413PayloadTooLarge, "REQUEST/TOO_LARGE",
                    $"The request body has {context.Request.ContentLength} bytes; this endpoint accepts at most {limit}.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // No fonts from Scalar's CDN: a self-hosted server asks no third party for anything (and its CSP would refuse).
        app.MapScalarApiReference(options => options.WithTitle("QualCoder Web API").DisableDefaultFonts()).AllowAnonymous();
        return app;
    }

    public static WebApplication UseHttpApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestBodyLimit(app.Configuration.GetValue("QualCoder:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes));
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
