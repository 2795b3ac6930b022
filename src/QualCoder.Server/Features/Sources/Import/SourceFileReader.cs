// TEMPORARY: replaced by the importers branch at merge.
using System.Text;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>The text of an uploaded file and its format, or why it cannot be a source.</summary>
public sealed record SourceFileText(string Text, string Format, DomainError? Error);

/// <summary>A stand-in that reads only UTF-8 .txt and .md files, so that the upload endpoint works before the importers land.</summary>
public static class SourceFileReader
{
    private const string Refused = "SOURCE_NOT_ADDED";

    public static SourceFileText Read(string fileName, byte[] bytes)
    {
        var format = Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".txt" => "text",
            ".md" => "markdown",
            _ => null,
        };
        if (format is null)
        {
            return Refuse("UNSUPPORTED_TYPE", $"'{Path.GetFileName(fileName)}' is not a supported file type.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Refuse("UNSUPPORTED_TYPE", $"'{Path.GetFileName(fileName)}' is not UTF-8 text.");
        }

        text = LineEndings.Normalise(text.StartsWith('\uFEFF') ? text[1..] : text);
        if (text.Contains('\0'))
        {
            return Refuse("UNSUPPORTED_TYPE", $"'{Path.GetFileName(fileName)}' looks like a binary file, not text.");
        }

        return string.IsNullOrWhiteSpace(text)
            ? Refuse("EMPTY_CONTENT", $"'{Path.GetFileName(fileName)}' has no text.")
            : new SourceFileText(text, format, null);
    }

    private static SourceFileText Refuse(string reason, string message) =>
        new("", "", DomainError.Invalid($"{Refused}/{reason}", message));
}
