using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static QualCoder.Server.Tests.Features.Sources.Import.ImportAssert;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class PdfTests
{
    /// <summary>A PDF with one page per array of lines, written top down in Helvetica.</summary>
    private static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var helvetica = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var i = 0; i < lines.Length; i++)
            {
                page.AddText(lines[i], 12, new PdfPoint(72, 750 - (i * 20)), helvetica);
            }
        }

        return builder.Build();
    }

    private static string Read(byte[] pdf) => ReadText("report.pdf", pdf, "pdf");

    [Fact]
    public void a_pdf_has_the_text_of_each_page_with_a_form_feed_line_between_pages() =>
        Assert.Equal(
            "First page, first line.\nFirst page, second line.\n\f\nSecond page text.",
            Read(Pdf(["First page, first line.", "First page, second line."], ["Second page text."])));

    [Fact]
    public void an_empty_page_still_counts_as_a_page() =>
        Assert.Equal("One\n\f\n\n\f\nThree", Read(Pdf(["One"], [], ["Three"])));

    [Fact]
    public void a_pdf_without_text_is_refused_as_empty_with_a_hint_about_scans() =>
        Assert.Contains("text recognition", Refused("scan.pdf", Pdf([], []), EmptyContent));

    [Fact]
    public void a_password_protected_pdf_is_refused_as_encrypted()
    {
        // An encryption dictionary whose checksums match no password, not even the empty one.
        var pdf = Encoding.Latin1.GetString(Pdf(["Secret"]));
        var encrypted = pdf.Replace("trailer\n<<", "trailer\n<< /Encrypt << /Filter /Standard /V 1 /R 2 /P -4 " +
            $"/O <{new string('A', 64)}> /U <{new string('B', 64)}> >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] ");
        Assert.NotEqual(pdf, encrypted);

        Assert.Contains("password", Refused("secret.pdf", Encoding.Latin1.GetBytes(encrypted), UnsupportedType));
    }
}
