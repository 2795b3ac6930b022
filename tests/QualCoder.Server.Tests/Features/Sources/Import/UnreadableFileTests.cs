using System.IO.Compression;
using QualCoder.Server.Features.Sources.Import;
using static QualCoder.Server.Tests.Features.Sources.Import.ImportAssert;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class UnreadableFileTests
{
    private static byte[] ADocx() => DocxFiles.WithBody(DocxFiles.Paragraph("Some text"));

    [Theory]
    [InlineData("picture.png")]
    [InlineData("sheet.xlsx")]
    [InlineData("old.doc")]
    [InlineData("no-extension")]
    [InlineData("")]
    [InlineData("archive.txt.zip")]
    public void a_file_of_an_unknown_type_is_refused_naming_the_supported_types(string fileName)
    {
        var read = SourceFileReader.Read(fileName, Utf8("text"));

        Assert.Equal(UnsupportedType, read.Error?.Code);
        Assert.Equal("", read.Format);
        Assert.Contains(".txt, .md, .docx, .pdf, .html or .odt", read.Error!.Message);
    }

    [Theory]
    [InlineData("interview.docx")]
    [InlineData("report.pdf")]
    [InlineData("notes.odt")]
    public void random_bytes_with_a_document_extension_are_refused_as_damaged(string fileName)
    {
        var garbage = new byte[2048];
        new Random(11).NextBytes(garbage);

        Assert.Contains("could not be read", Refused(fileName, garbage, UnsupportedType));
    }

    [Fact]
    public void a_truncated_docx_is_refused_as_damaged()
    {
        var docx = ADocx();

        Refused("interview.docx", docx[..(docx.Length / 2)], UnsupportedType);
    }

    [Fact]
    public void a_truncated_odt_is_refused_as_damaged()
    {
        var odt = OdtFiles.WithText("<text:p>Some text</text:p>");

        Refused("notes.odt", odt[..(odt.Length / 2)], UnsupportedType);
    }

    [Fact]
    public void a_damaged_pdf_is_refused() =>
        Refused("report.pdf", Utf8("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), UnsupportedType);

    [Fact]
    public void a_truncated_pdf_is_refused()
    {
        var pdf = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        pdf.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var bytes = pdf.Build();

        Refused("report.pdf", bytes[..(bytes.Length / 3)], UnsupportedType);
    }

    [Fact]
    public void a_zip_that_is_no_word_document_is_refused() =>
        Refused("interview.docx", OdtFiles.WithText("<text:p>Some text</text:p>"), UnsupportedType);

    [Fact]
    public void a_docx_that_unpacks_to_more_than_200_megabytes_is_refused()
    {
        var bomb = WithExtraEntry(ADocx(), "word/media/zeros.bin", 250L * 1024 * 1024);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb should be small, is {bomb.Length} bytes");

        Assert.Contains("too large when unpacked", Refused("bomb.docx", bomb, UnsupportedType));
    }

    [Fact]
    public void an_odt_that_unpacks_to_more_than_200_megabytes_is_refused()
    {
        var bomb = WithExtraEntry(OdtFiles.WithText("<text:p>Some text</text:p>"), "Pictures/zeros.bin", 250L * 1024 * 1024);

        Assert.Contains("too large when unpacked", Refused("bomb.odt", bomb, UnsupportedType));
    }

    [Fact]
    public void a_docx_part_compressed_far_more_than_any_document_is_refused()
    {
        var bomb = WithExtraEntry(ADocx(), "word/media/zeros.bin", 20L * 1024 * 1024);

        Assert.Contains("too large when unpacked", Refused("bomb.docx", bomb, UnsupportedType));
    }

    [Fact]
    public void a_zip_of_more_than_ten_thousand_parts_is_refused()
    {
        var entries = Enumerable.Range(0, 10_001).Select(i => ($"Pictures/{i}.txt", "x")).ToArray();

        Assert.Contains("too large when unpacked", Refused("many.odt", OdtFiles.Zip(entries), UnsupportedType));
    }

    /// <summary>Adds an entry of <paramref name="zeros"/> zero bytes; deflate packs them about a thousand to one.</summary>
    private static byte[] WithExtraEntry(byte[] zip, string name, long zeros)
    {
        using var stream = new MemoryStream();
        stream.Write(zip);
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
            var chunk = new byte[1024 * 1024];
            for (long written = 0; written < zeros; written += chunk.Length)
            {
                entry.Write(chunk, 0, (int)Math.Min(chunk.Length, zeros - written));
            }
        }

        return stream.ToArray();
    }
}
