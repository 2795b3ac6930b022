using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// The plain text read from an uploaded file, and the format it was read as ("txt", "md", "docx", "pdf", "html",
/// "odt"; "" when the extension is not one of these). When <see cref="Error"/> is set, <see cref="Text"/> is "".
/// </summary>
public sealed record SourceFileText(string Text, string Format, DomainError? Error)
{
    internal static SourceFileText Read(string text, string format) => new(text, format, null);

    internal static SourceFileText Refused(string format, DomainError error) => new("", format, error);
}
