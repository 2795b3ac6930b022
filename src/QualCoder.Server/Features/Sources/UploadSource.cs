using Marten;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Sources.Import;
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
                    return SourceSize.TooLarge(file.Length, maxBytes).ToProblem();
                }

                var bytes = new byte[file.Length];
                await using (var content = file.OpenReadStream())
                {
                    await content.ReadExactlyAsync(bytes, ct);
                }

                var (unreadable, command) = CommandFor(projectId, file.FileName, bytes, name, memo, origin, folderId, maxBytes, http.User.ToActor());
                return unreadable is not null ? unreadable.ToProblem() : await AddSourceHandler.SendAsync(command!, bus, session, ct);
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

    /// <summary>
    /// The <see cref="AddSource"/> a file becomes, or why it cannot (too large, or not readable as text): the HTTP upload
    /// and the agents' import share it. The name defaults to the file's.
    /// </summary>
    public static (DomainError? Error, AddSource? Command) CommandFor(
        Guid projectId, string fileName, byte[] bytes, string? name, string? memo, string? origin, Guid? folderId, long maxBytes, Actor actor)
    {
        if (bytes.LongLength > maxBytes)
        {
            return (SourceSize.TooLarge(bytes.LongLength, maxBytes), null);
        }

        var read = SourceFileReader.Read(fileName, bytes);
        return read.Error is { } unreadable
            ? (unreadable, null)
            : (null, new AddSource(
                projectId, Guid.CreateVersion7(), string.IsNullOrWhiteSpace(name) ? DefaultName(fileName) : name,
                read.Text, read.Format, memo, origin, folderId, maxBytes, actor));
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

    /// <summary>
    /// The body an agent needs to send a whole file over MCP: the file as base64 (4 characters per 3 bytes) in a
    /// JSON-RPC request, plus the ordinary body limit for the rest of the request.
    /// </summary>
    internal static IRequestSizeLimitMetadata Base64RequestLimit(IEndpointRouteBuilder endpoints) =>
        new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(Base64Length(MaxBytes(Configuration(endpoints))) + FormAllowance(endpoints));

    /// <summary>How many base64 characters <paramref name="bytes"/> bytes take, with padding and no line breaks.</summary>
    public static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;

    public static DomainError TooLarge(long bytes, long maxBytes) => DomainError.TooLarge(
        "SOURCE_NOT_ADDED/TOO_LARGE",
        $"The source has {bytes} bytes; this server accepts at most {maxBytes} bytes per source.");

    internal static IConfiguration Configuration(IEndpointRouteBuilder endpoints) => endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
}
