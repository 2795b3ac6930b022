using System.Text;
using static QualCoder.Server.Tests.Features.Sources.Import.ImportAssert;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class HtmlTests
{
    private static string Read(string html) => ReadText("page.html", Utf8(html), "html");

    [Fact]
    public void paragraphs_and_headings_are_lines() =>
        Assert.Equal("Title\nFirst paragraph.\nSecond paragraph.", Read(
            "<html><head><title>Tab title</title></head><body><h1>Title</h1><p>First paragraph.</p><p>Second paragraph.</p></body></html>"));

    [Fact]
    public void script_style_noscript_template_and_comments_are_not_text() =>
        Assert.Equal("Visible text.", Read(
            """
            <html><head><style>p { color: red }</style><script>var x = "head";</script></head>
            <body><script>document.write("no")</script><p>Visible <!-- a comment -->text.</p>
            <noscript>Enable JavaScript</noscript><template><p>Template</p></template><style>.a{}</style>
            <p hidden>Hidden paragraph</p></body></html>
            """));

    [Fact]
    public void entities_are_decoded() =>
        Assert.Equal("Fish & chips < 3 © café — “quoted” 😀", Read("<p>Fish &amp; chips &lt; 3 &copy; caf&eacute; &mdash; &ldquo;quoted&rdquo; &#x1F600;</p>"));

    [Fact]
    public void white_space_collapses_as_a_browser_collapses_it() =>
        Assert.Equal("Words across lines and inline elements.", Read(
            "<p>\n   Words   across\n\tlines   <em> and </em> <b>inline</b>  elements.\n</p>"));

    [Fact]
    public void pre_keeps_its_white_space() =>
        Assert.Equal("Before\n  two  spaces\n\tand a tab\nAfter", Read("<p>Before</p><pre>\n  two  spaces\n\tand a tab</pre><p>After</p>"));

    [Fact]
    public void br_is_a_line_break_and_two_make_an_empty_line() =>
        Assert.Equal("one\ntwo\n\nthree", Read("<p>one<br>two<br><br>three</p>"));

    [Fact]
    public void block_elements_each_start_a_line_without_empty_lines_between() =>
        Assert.Equal("Section\nQuote\nItem one\nItem two\nDiv text\nArticle", Read(
            "<section><h2>Section</h2><blockquote>Quote</blockquote><ul><li>Item one</li><li>Item two</li></ul><div><div>Div text</div></div></section><article>Article</article>"));

    [Fact]
    public void inline_text_between_blocks_is_its_own_line() =>
        Assert.Equal("Loose text\nA paragraph\nMore loose text", Read("Loose text<p>A paragraph</p>More loose text"));

    [Fact]
    public void a_table_has_cells_separated_by_tabs_and_rows_by_lines() =>
        Assert.Equal("Who\tWhen\nAda\t1843\nAfter", Read(
            "<table><thead><tr><th>Who</th><th>When</th></tr></thead><tbody><tr><td>Ada</td><td><p>1843</p></td></tr></tbody></table><p>After</p>"));

    [Fact]
    public void a_table_inside_a_cell_stays_on_the_outer_row() =>
        Assert.Equal("a x y\tb\nnext\trow", Read(
            "<table><tr><td>a<table><tr><td>x</td><td>y</td></tr></table></td><td>b</td></tr><tr><td>next</td><td>row</td></tr></table>"));

    [Fact]
    public void broken_markup_is_read_as_a_browser_reads_it() =>
        Assert.Equal("Unclosed paragraph\nNext bold\nLast", Read("<p>Unclosed paragraph<p>Next <b>bold<p>Last"));

    [Fact]
    public void a_declared_charset_is_honoured()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\u00e9 na\u00efve</p></body></html>";

        Assert.Equal("Café naïve", ReadText("old.htm", Encoding.Latin1.GetBytes(html), "html"));
    }

    [Fact]
    public void a_page_word_saved_in_windows_1252_is_read()
    {
        var html = Encoding.Latin1.GetBytes("<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head><body><p>\u0093Caf\u00e9\u0094 \u0096 naive</p></body></html>");

        Assert.Equal("“Café” – naive", ReadText("word.htm", html, "html"));
    }

    [Fact]
    public void a_page_without_a_charset_that_is_not_utf8_is_read_as_windows_1252_as_browsers_do()
    {
        var html = Encoding.Latin1.GetBytes("<p>\u0093Caf\u00e9\u0094</p>");

        Assert.Equal("“Café”", ReadText("old.html", html, "html"));
    }

    [Fact]
    public void a_page_nested_very_deeply_is_read_without_exhausting_the_stack()
    {
        const int depth = 20_000;
        var html = string.Concat(Enumerable.Repeat("<span>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</span>", depth));

        Assert.Equal("deep", Read(html));
    }

    [Fact]
    public void a_page_with_nothing_visible_is_empty() =>
        Refused("page.html", Utf8("<html><head><title>Only a title</title><script>x()</script></head><body> <!-- nothing --> </body></html>"), EmptyContent);
}
