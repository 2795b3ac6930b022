using static QualCoder.Server.Tests.Features.Sources.Import.ImportAssert;
using static QualCoder.Server.Tests.Features.Sources.Import.OdtFiles;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class OdtTests
{
    private static string Read(string officeTextBody) => ReadText("notes.odt", WithText(officeTextBody), "odt");

    [Fact]
    public void headings_and_paragraphs_are_lines_in_order() =>
        Assert.Equal("Interview 3\nFirst answer.\nSecond answer.", Read(
            """<text:h text:outline-level="1">Interview 3</text:h><text:p>First answer.</text:p><text:p>Second answer.</text:p>"""));

    [Fact]
    public void spans_are_inline() =>
        Assert.Equal("A very important point.", Read(
            """<text:p>A <text:span text:style-name="T1">very</text:span> <text:span>impor</text:span>tant point.</text:p>"""));

    [Fact]
    public void text_s_is_as_many_spaces_as_its_count() =>
        Assert.Equal("one two   three", Read("""<text:p>one<text:s/>two<text:s text:c="3"/>three</text:p>"""));

    [Fact]
    public void tabs_and_line_breaks_are_kept() =>
        Assert.Equal("Name:\tAda\nSecond line", Read("""<text:p>Name:<text:tab/>Ada<text:line-break/>Second line</text:p>"""));

    [Fact]
    public void white_space_in_the_xml_collapses_as_odf_says() =>
        Assert.Equal("words across lines", Read("<text:p>\n   words   across\n\tlines\n</text:p>"));

    [Fact]
    public void an_empty_paragraph_is_an_empty_line() =>
        Assert.Equal("Before\n\nAfter", Read("<text:p>Before</text:p><text:p/><text:p>After</text:p>"));

    [Fact]
    public void list_items_are_lines() =>
        Assert.Equal("Themes:\ntrust\ncost", Read(
            "<text:p>Themes:</text:p><text:list><text:list-item><text:p>trust</text:p></text:list-item><text:list-item><text:p>cost</text:p></text:list-item></text:list>"));

    [Fact]
    public void a_table_has_cells_separated_by_tabs_and_rows_by_lines() =>
        Assert.Equal("Who\tWhen\nAda\t1843\nAfter", Read(
            """
            <table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>
            <table:table-header-rows><table:table-row><table:table-cell><text:p>Who</text:p></table:table-cell><table:table-cell><text:p>When</text:p></table:table-cell></table:table-row></table:table-header-rows>
            <table:table-row><table:table-cell><text:p>Ada</text:p></table:table-cell><table:table-cell><text:p>1843</text:p></table:table-cell></table:table-row>
            </table:table><text:p>After</text:p>
            """));

    [Fact]
    public void footnotes_and_comments_are_left_out() =>
        Assert.Equal("Said so. Really.", Read(
            """
            <text:p>Said so.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note> <office:annotation><dc:creator>Bea</dc:creator><text:p>A comment.</text:p></office:annotation>Really.</text:p>
            """));

    [Fact]
    public void an_emoji_and_a_combining_character_survive_unchanged() =>
        Assert.Equal("Smiled 😀 at the cafe\u0301", Read("<text:p>Smiled 😀 at the cafe\u0301</text:p>"));

    [Fact]
    public void entities_in_the_xml_are_decoded() =>
        Assert.Equal("Fish & chips <3 \"quoted\"", Read("<text:p>Fish &amp; chips &lt;3 &quot;quoted&quot;</text:p>"));

    [Fact]
    public void a_document_type_declaration_is_refused_rather_than_expanded()
    {
        var billionLaughs = WithContent("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
            <office:body><office:text><text:p>&lol2;</text:p></office:text></office:body></office:document-content>
            """);

        Refused("lol.odt", billionLaughs, UnsupportedType);
    }

    [Fact]
    public void a_document_with_only_empty_paragraphs_is_empty() =>
        Refused("blank.odt", WithText("<text:p/><text:p>   </text:p>"), EmptyContent);

    [Fact]
    public void a_zip_without_content_xml_is_not_an_odt() =>
        Assert.Contains("is not an OpenDocument text", Refused("notes.odt", Zip(("mimetype", "application/vnd.oasis.opendocument.text")), UnsupportedType));

    [Fact]
    public void a_spreadsheet_named_odt_is_not_an_odt() =>
        Assert.Contains("is not an OpenDocument text", Refused("sheet.odt", WithContent(
            """<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>"""),
            UnsupportedType));
}
