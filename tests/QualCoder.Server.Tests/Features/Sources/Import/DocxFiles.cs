using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace QualCoder.Server.Tests.Features.Sources.Import;

/// <summary>Makes real .docx files in memory with the Open XML SDK.</summary>
internal static class DocxFiles
{
    public static byte[] WithBody(params OpenXmlElement[] bodyElements) => WithBody(_ => { }, bodyElements);

    /// <summary>A document with the given body; <paramref name="addParts"/> may add parts (a header) before it is saved.</summary>
    public static byte[] WithBody(Action<MainDocumentPart> addParts, params OpenXmlElement[] bodyElements)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(bodyElements));
            addParts(main);
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(params OpenXmlElement[] runContent) => new(new Run(runContent));

    public static Paragraph Paragraph(string text) => Paragraph(Text(text));

    public static Text Text(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    public static Table Table(params string[][] rows) =>
        new(rows.Select(cells => new TableRow(cells.Select(cell => new TableCell(Paragraph(cell))))));
}
