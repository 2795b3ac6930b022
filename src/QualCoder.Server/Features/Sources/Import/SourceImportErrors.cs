using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>The two refusals of reading a file; the endpoint adds its own (TOO_LARGE).</summary>
internal static class SourceImportErrors
{
    internal const string UnsupportedTypeCode = "SOURCE_NOT_ADDED/UNSUPPORTED_TYPE";
    internal const string EmptyContentCode = "SOURCE_NOT_ADDED/EMPTY_CONTENT";

    internal const string SupportedTypes = ".txt, .md, .docx, .pdf, .html or .odt";

    internal static DomainError UnsupportedType(string message) => DomainError.Invalid(UnsupportedTypeCode, message);

    internal static DomainError UnknownExtension(string fileName) =>
        UnsupportedType($"'{fileName}' is not a type QualCoder can read; upload a {SupportedTypes} file.");

    internal static DomainError EmptyContent(string fileName, string format) => DomainError.Invalid(
        EmptyContentCode,
        format == "pdf"
            ? $"The file has no text: '{fileName}' may hold only pictures of pages (a scan); run text recognition on it first."
            : $"The file has no text: '{fileName}' is empty or holds only white space.");
}
