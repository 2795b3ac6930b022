using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Turns an uploaded file into the plain text of a text source. Pure: everything happens in memory, nothing
/// touches the file system, and no input makes it throw. The size of the upload is the caller's to limit.
/// </summary>
public static class SourceFileReader
{
    private static readonly Dictionary<string, string> FormatsByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "txt",
        [".md"] = "md",
        [".markdown"] = "md",
        [".docx"] = "docx",
        [".pdf"] = "pdf",
        [".html"] = "html",
        [".htm"] = "html",
        [".odt"] = "odt",
    };

    /// <summary>
    /// Extracts the text, or answers a DomainError (ErrorKind.Invalid) with code SOURCE_NOT_ADDED/UNSUPPORTED_TYPE
    /// or SOURCE_NOT_ADDED/EMPTY_CONTENT.
    /// </summary>
    public static SourceFileText Read(string fileName, byte[] content)
    {
        fileName ??= "";
        content ??= [];
        if (!FormatsByExtension.TryGetValue(Path.GetExtension(fileName.Trim()), out var format))
        {
            return SourceFileText.Refused("", SourceImportErrors.UnknownExtension(fileName));
        }

        string raw;
        try
        {
            raw = Extract(format, content);
        }
        catch (UnreadableFileException unreadable)
        {
            return SourceFileText.Refused(format, SourceImportErrors.UnsupportedType($"'{fileName}' {unreadable.Message}"));
        }
        catch (Exception)
        {
            // Parsers of damaged files throw whatever they meet first; which one does not help the researcher.
            return SourceFileText.Refused(format, SourceImportErrors.UnsupportedType(
                $"'{fileName}' could not be read as a .{format} file; it may be damaged, or be another kind of file with a .{format} name."));
        }

        var text = Finish(raw);
        return text.Length == 0
            ? SourceFileText.Refused(format, SourceImportErrors.EmptyContent(fileName, format))
            : SourceFileText.Read(text, format);
    }

    private static string Extract(string format, byte[] content) => format switch
    {
        "txt" or "md" => PlainTextDecoder.Decode(content),
        "docx" => DocxTextReader.Read(content),
        "pdf" => PdfTextReader.Read(content),
        "html" => HtmlTextReader.Read(content),
        "odt" => OdtTextReader.Read(content),
        _ => throw new UnreadableFileException("is not a type QualCoder can read."),
    };

    /// <summary>One line ending, nothing PostgreSQL cannot store, and no white space at the very end.</summary>
    private static string Finish(string raw) => StorableText.Of(LineEndings.Normalise(raw)).TrimEnd();
}
