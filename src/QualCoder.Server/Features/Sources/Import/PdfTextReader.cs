using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Exceptions;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Reads the text of every page in the order it was written, which for the PDFs people export from word
/// processors is reading order; words get their spaces and lines their line breaks from the letters' positions.
/// </summary>
internal static class PdfTextReader
{
    /// <summary>Between two pages: a form feed on a line of its own, so the page break survives as a line of the text.</summary>
    public const string PageBreak = "\n\f\n";

    public static string Read(byte[] content)
    {
        try
        {
            using var document = PdfDocument.Open(content);
            return string.Join(PageBreak, document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page).TrimEnd()));
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new UnreadableFileException("is protected by a password (encrypted); save a copy without the password and upload that.");
        }
    }
}
