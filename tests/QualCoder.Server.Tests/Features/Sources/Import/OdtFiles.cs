using System.IO.Compression;
using System.Text;

namespace QualCoder.Server.Tests.Features.Sources.Import;

/// <summary>Makes real .odt files in memory: the zip LibreOffice writes, with the given office:text body.</summary>
internal static class OdtFiles
{
    private const string Manifest = """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
         <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
         <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
        </manifest:manifest>
        """;

    public static byte[] WithText(string officeTextBody) => WithContent($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
          xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
          xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
          xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
          xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
          xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
        <office:body><office:text><text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>{officeTextBody}</office:text></office:body>
        </office:document-content>
        """);

    public static byte[] WithContent(string contentXml) => Zip(
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", Manifest),
        ("content.xml", contentXml));

    public static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach (var (name, text) in entries)
            {
                // ODF wants mimetype first and stored, so that a file's type shows in its first bytes.
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = entry.Open();
                writer.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return stream.ToArray();
    }
}
