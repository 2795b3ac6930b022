using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static QualCoder.Server.Tests.Features.Sources.Import.DocxFiles;
using static QualCoder.Server.Tests.Features.Sources.Import.ImportAssert;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class DocxTests
{
    private static string Read(byte[] docx) => ReadText("interview.docx", docx, "docx");

    [Fact]
    public void a_docx_keeps_its_paragraphs_in_order() =>
        Assert.Equal("First paragraph.\nSecond paragraph.\nThird.", Read(WithBody(
            Paragraph("First paragraph."), Paragraph("Second paragraph."), Paragraph("Third."))));

    [Fact]
    public void runs_of_a_paragraph_join_without_anything_added() =>
        Assert.Equal("Bold and plain", Read(WithBody(
            new Paragraph(new Run(new RunProperties(new Bold()), Text("Bold")), new Run(Text(" and ")), new Run(Text("plain"))))));

    [Fact]
    public void an_empty_paragraph_is_an_empty_line() =>
        Assert.Equal("Before\n\nAfter", Read(WithBody(Paragraph("Before"), new Paragraph(), Paragraph("After"))));

    [Fact]
    public void a_tab_and_a_line_break_are_kept() =>
        Assert.Equal("Name:\tAda\nSecond line", Read(WithBody(
            Paragraph(Text("Name:"), new TabChar(), Text("Ada"), new Break(), Text("Second line")))));

    [Fact]
    public void tab_stops_in_paragraph_properties_are_not_tabs() =>
        Assert.Equal("No tab here", Read(WithBody(new Paragraph(
            new ParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Left, Position = 720 })),
            new Run(Text("No tab here"))))));

    [Fact]
    public void a_table_has_cells_separated_by_tabs_and_rows_by_lines() =>
        Assert.Equal("Before\nWho\tWhen\nAda\t1843\nAfter", Read(WithBody(
            Paragraph("Before"), Table(["Who", "When"], ["Ada", "1843"]), Paragraph("After"))));

    [Fact]
    public void a_cell_with_several_paragraphs_stays_on_its_row() =>
        Assert.Equal("one two\tthree", Read(WithBody(new Table(new TableRow(
            new TableCell(Paragraph("one"), Paragraph("two")),
            new TableCell(Paragraph("three")))))));

    [Fact]
    public void a_break_or_tab_inside_a_cell_is_a_space_so_the_row_stays_one_line() =>
        Assert.Equal("one two three\tfour", Read(WithBody(new Table(new TableRow(
            new TableCell(Paragraph(Text("one"), new Break(), Text("two"), new TabChar(), Text("three"))),
            new TableCell(Paragraph("four")))))));

    [Fact]
    public void an_emoji_and_a_combining_character_survive_unchanged() =>
        Assert.Equal("Smiled 😀 at the cafe\u0301 👩🏽‍🔬", Read(WithBody(Paragraph("Smiled 😀 at the cafe\u0301 👩🏽‍🔬"))));

    [Fact]
    public void headers_are_not_part_of_the_text()
    {
        var docx = WithBody(
            main =>
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header(Paragraph("Confidential header"));
                main.Document.Body!.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
            },
            Paragraph("Body text"));

        Assert.Equal("Body text", Read(docx));
    }

    [Fact]
    public void deleted_text_of_tracked_changes_is_left_out() =>
        Assert.Equal("kept", Read(WithBody(new Paragraph(
            new Run(Text("kept")),
            new DeletedRun(new Run(new DeletedText("gone")))))));

    [Fact]
    public void a_text_box_written_twice_for_old_word_versions_is_read_once() =>
        Assert.Equal("Caption in a box", Read(WithBody(new Paragraph(new Run(new AlternateContent(
            new AlternateContentChoice(new Run(Text("Caption in a box"))) { Requires = "wps" },
            new AlternateContentFallback(new Run(Text("Caption in a box")))))))));

    [Fact]
    public void leading_spaces_inside_the_text_are_kept_and_the_end_is_trimmed() =>
        Assert.Equal("  indented", Read(WithBody(Paragraph("  indented"), new Paragraph(), new Paragraph())));

    [Fact]
    public void a_document_with_only_empty_paragraphs_is_empty() =>
        Assert.Contains("The file has no text", Refused("blank.docx", WithBody(new Paragraph(), Paragraph("   ")), EmptyContent));
}
