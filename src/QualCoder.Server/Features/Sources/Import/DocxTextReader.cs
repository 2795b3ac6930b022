using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Reads the body of a Word document (headers, footers, footnotes and comments are not part of the source).
/// The Open XML SDK opens the package and finds the main part; the part itself is read as a stream of XML
/// rather than as the SDK's element tree, so a deeply nested or huge document costs neither stack nor a tree.
/// </summary>
internal static class DocxTextReader
{
    private const string WordTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string WordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private const string TooLarge = "is too large when unpacked (its text is larger than 200 MB); it is refused as a possible zip bomb.";

    public static string Read(byte[] content)
    {
        ZipBombGuard.Check(content);

        using var document = WordprocessingDocument.Open(new MemoryStream(content, writable: false), isEditable: false);
        var body = document.MainDocumentPart
            ?? throw new UnreadableFileException("is not a Word document: it has no document body.");
        using var xml = SafeXml.Read(body.GetStream(FileMode.Open, FileAccess.Read), TooLarge);
        return new BodyWalker().Walk(xml);
    }

    private sealed class BodyWalker
    {
        private readonly ExtractedTextBuilder _text = new();
        private bool _inRunText;

        public string Walk(XmlReader xml)
        {
            xml.Read();
            while (!xml.EOF)
            {
                if (xml.NodeType == XmlNodeType.Element && IsSkipped(xml))
                {
                    xml.Skip();
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element && IsWord(xml))
                {
                    Start(xml.LocalName);
                    if (xml.IsEmptyElement)
                    {
                        End(xml.LocalName);
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement && IsWord(xml))
                {
                    End(xml.LocalName);
                }
                else if (_inRunText && xml.IsText())
                {
                    _text.Text(xml.Value);
                }

                xml.Read();
            }

            return _text.ToString();
        }

        private static bool IsWord(XmlReader xml) => xml.NamespaceURI is WordTransitional or WordStrict;

        // Properties (pPr, rPr, tblPr, sectPr...) hold no text; deleted and moved-away runs are not the text any
        // more; an mc:Fallback repeats its mc:Choice (a text box is written twice, once for old Word versions).
        private static bool IsSkipped(XmlReader xml) =>
            (IsWord(xml) && (xml.LocalName.EndsWith("Pr", StringComparison.Ordinal) || xml.LocalName is "tblPrEx" or "del" or "moveFrom"))
            || (xml.NamespaceURI == MarkupCompatibility && xml.LocalName == "Fallback");

        private void Start(string name)
        {
            switch (name)
            {
                case "t":
                    _inRunText = true;
                    break;
                case "tab" or "ptab":
                    _text.Tab();
                    break;
                case "br" or "cr":
                    _text.LineBreak();
                    break;
                case "noBreakHyphen":
                    _text.Text("-");
                    break;
                case "tr":
                    _text.StartRow();
                    break;
                case "tc":
                    _text.StartCell();
                    break;
            }
        }

        private void End(string name)
        {
            switch (name)
            {
                case "t":
                    _inRunText = false;
                    break;
                case "p":
                    _text.EndParagraph();
                    break;
                case "tr":
                    _text.EndRow();
                    break;
                case "tc":
                    _text.EndCell();
                    break;
            }
        }
    }
}
