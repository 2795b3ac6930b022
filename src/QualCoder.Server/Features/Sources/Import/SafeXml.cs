using System.Xml;

namespace QualCoder.Server.Features.Sources.Import;

/// <summary>The one way this module reads XML from an upload: streaming, no DTDs, nothing fetched, size-capped.</summary>
internal static class SafeXml
{
    public static XmlReader Read(Stream stream, string tooLargeReason) => XmlReader.Create(
        new BoundedReadStream(stream, ZipBombGuard.MaxUnpackedBytes, tooLargeReason),
        new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = false,
            MaxCharactersInDocument = ZipBombGuard.MaxUnpackedBytes,
            CloseInput = true,
        });

    /// <summary>Whether the reader is on character data; white space counts, since it may separate words.</summary>
    public static bool IsText(this XmlReader reader) =>
        reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;
}
