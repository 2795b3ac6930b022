using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>
/// Reads the body (office:text) of an OpenDocument text file from its content.xml. White space inside a
/// paragraph collapses as ODF says; text:s, text:tab and text:line-break are the spaces, tabs and breaks the
/// author typed. Footnotes, comments and tracked deletions are not part of the source.
/// </summary>
internal static class OdtTextReader
{
    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string Table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string Svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";

    private const string TooLarge = "is too large when unpacked (its content.xml is larger than 200 MB); it is refused as a possible zip bomb.";
    private const string NotOdt = "is not an OpenDocument text: it has no content.xml with a text body.";

    public static string Read(byte[] content)
    {
        using var archive = ZipBombGuard.Open(content);
        var entry = archive.GetEntry("content.xml") ?? throw new UnreadableFileException(NotOdt);
        using var xml = SafeXml.Read(entry.Open(), TooLarge);
        return new BodyWalker().Walk(xml) ?? throw new UnreadableFileException(NotOdt);
    }

    private sealed class BodyWalker
    {
        private readonly ExtractedTextBuilder _text = new();
        private int _openParagraphs;

        /// <summary>The text of office:text, or null when the document has none (a spreadsheet named .odt).</summary>
        public string? Walk(XmlReader xml)
        {
            if (!xml.ReadToFollowing("text", Office))
            {
                return null;
            }

            if (xml.IsEmptyElement)
            {
                return "";
            }

            var bodyDepth = xml.Depth;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == bodyDepth))
            {
                if (xml.NodeType == XmlNodeType.Element && IsSkipped(xml))
                {
                    xml.Skip();
                    continue;
                }

                if (xml.NodeType == XmlNodeType.Element)
                {
                    Start(xml);
                    if (xml.IsEmptyElement)
                    {
                        End(xml.NamespaceURI, xml.LocalName);
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement)
                {
                    End(xml.NamespaceURI, xml.LocalName);
                }
                else if (_openParagraphs > 0 && xml.IsText())
                {
                    _text.CollapsibleText(xml.Value);
                }

                xml.Read();
            }

            return _text.ToString();
        }

        // Notes and comments sit inside the paragraph they annotate and would cut it in two; tracked changes
        // keep deleted text; svg:title and svg:desc are a frame's alternative text, not shown on the page.
        private static bool IsSkipped(XmlReader xml) => (xml.NamespaceURI, xml.LocalName) is
            (Text, "note") or (Text, "tracked-changes") or (Office, "annotation") or (Svg, "title") or (Svg, "desc");

        private void Start(XmlReader xml)
        {
            switch (xml.NamespaceURI, xml.LocalName)
            {
                case (Text, "p" or "h"):
                    _openParagraphs++;
                    break;
                case (Text, "s"):
                    _text.Spaces(SpaceCount(xml.GetAttribute("c", Text)));
                    break;
                case (Text, "tab"):
                    _text.Tab();
                    break;
                case (Text, "line-break"):
                    _text.LineBreak();
                    break;
                case (Table, "table-row"):
                    _text.StartRow();
                    break;
                case (Table, "table-cell" or "covered-table-cell"):
                    _text.StartCell();
                    break;
            }
        }

        private void End(string ns, string name)
        {
            switch (ns, name)
            {
                case (Text, "p" or "h"):
                    _openParagraphs--;
                    _text.EndParagraph();
                    break;
                case (Table, "table-row"):
                    _text.EndRow();
                    break;
                case (Table, "table-cell" or "covered-table-cell"):
                    _text.EndCell();
                    break;
            }
        }

        // A count past a line's worth is not typing; capping it keeps a hostile c="2000000000" from filling memory.
        private static int SpaceCount(string? c) =>
            int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? Math.Clamp(count, 1, 1000) : 1;
    }
}
