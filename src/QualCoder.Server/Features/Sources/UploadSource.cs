using Marten;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

/// <summary>Adds a text source from an uploaded file: the file's text, read by the importers, becomes an <see cref="AddSource"/>.</summary>
public static class UploadSource
{
    internal static void Map(RouteGroupBuilder sources)
    {
        var maxBytes = SourceSize.MaxBytes(SourceSize.Configuration(sources));
        sources
            .MapPost("/upload", async (
                Guid projectId,
                IFormFile file,
                [FromForm] string? name,
                [FromForm] string? memo,
                [FromForm] string? origin,
                [FromForm] Guid? folderId,
                HttpContext http,
                IMessageBus bus,
                IQuerySession session,
                CancellationToken ct) =>
            {
                if (file.Length > maxBytes)
                {
                    return SourceSize.TooLarge(file.Length, maxBytes);
                }

                var bytes = new byte[file.Length];
                await using (var content = file.OpenReadStream())
                {
                    await content.ReadExactlyAsync(bytes, ct);
                }

                var read = QualCoder.Server.Features.Sources.Import.SourceFileReader.Read(file.FileName, bytes);
                if (read.Error is { } unreadable)
                {
                    return unreadable.ToProblem();
                }

                var command = new AddSource(
                    projectId, Guid.CreateVersion7(), string.IsNullOrWhiteSpace(name) ? DefaultName(file.FileName) : name,
                    read.Text, read.Format, memo, origin, folderId, maxBytes, http.User.ToActor());
                return await AddSourceHandler.SendAsync(command, bus, session, ct);
            })
            // Cookies are SameSite=Strict and tokens travel in a header, so a cross-site form cannot post here as someone.
            .DisableAntiforgery()
            .WithMetadata(SourceSize.RequestLimit(sources))
            .WithFormOptions(multipartBodyLengthLimit: maxBytes + SourceSize.FormAllowance(sources))
            .WithName("UploadSource")
            .WithSummary(
                "Adds a text source from an uploaded file (multipart/form-data: file, and optionally name, memo, origin, folderId). " +
                "The name defaults to the file name without its extension.")
            .Produces<SourceView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static string DefaultName(string fileName) => Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
}

/// <summary>
/// How big a source may be: QualCoder:MaxUploadBytes (default 50 MB) bounds an uploaded file and the UTF-8 bytes of a
/// pasted text. The request body may be larger by the ordinary body limit, which the other form fields or JSON's
/// escaping need; a body over even that is refused before it is read (REQUEST/TOO_LARGE).
/// </summary>
public static class SourceSize
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public static long MaxBytes(IConfiguration configuration) => configuration.GetValue("QualCoder:MaxUploadBytes", DefaultMaxBytes);

    internal static long FormAllowance(IEndpointRouteBuilder endpoints) =>
        Configuration(endpoints).GetValue("QualCoder:MaxRequestBodyBytes", HttpApi.DefaultMaxRequestBodyBytes);

    internal static IRequestSizeLimitMetadata RequestLimit(IEndpointRouteBuilder endpoints) =>
        new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBytes(Configuration(endpoints)) + FormAllowance(endpoints));

    public static IResult TooLarge(long bytes, long maxBytes) => ProblemResponses.Problem(
        StatusCodes.Status413PayloadTooLarge,
        "SOURCE_NOT_ADDED/TOO_LARGE",
        $"The source has {bytes} bytes; this server accepts at most {maxBytes} bytes per source.");

    internal static IConfiguration Configuration(IEndpointRouteBuilder endpoints) => endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
}
