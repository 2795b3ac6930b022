using System.Text;
using static QualCoder.Server.Tests.Features.Sources.Import.ImportAssert;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class PlainTextTests
{
    private const string Interview = "Interviewer: How did it start?\nRespondent: Café talk, naïvely 😀 — e\u0301 too.";

    [Fact]
    public void utf8_text_without_a_byte_order_mark_is_read() =>
        Assert.Equal(Interview, ReadText("interview.txt", Utf8(Interview), "txt"));

    [Fact]
    public void utf8_text_with_a_byte_order_mark_is_read_without_the_mark() =>
        Assert.Equal(Interview, ReadText("interview.txt", [0xEF, 0xBB, 0xBF, .. Utf8(Interview)], "txt"));

    [Fact]
    public void utf16_little_endian_text_with_a_byte_order_mark_is_read() =>
        Assert.Equal(Interview, ReadText("interview.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Interview)], "txt"));

    [Fact]
    public void utf16_big_endian_text_with_a_byte_order_mark_is_read() =>
        Assert.Equal(Interview, ReadText("interview.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Interview)], "txt"));

    [Theory]
    [InlineData("notes.md")]
    [InlineData("notes.markdown")]
    [InlineData("NOTES.MD")]
    public void markdown_is_kept_as_written(string fileName) =>
        Assert.Equal("# Field notes\n\n- *first* visit", ReadText(fileName, Utf8("# Field notes\r\n\r\n- *first* visit\r\n"), "md"));

    [Theory]
    [InlineData("INTERVIEW.TXT")]
    [InlineData("interview.Txt")]
    [InlineData("interview.txt ")]
    public void the_extension_is_matched_whatever_its_case(string fileName) =>
        Assert.Equal("text", ReadText(fileName, Utf8("text"), "txt"));

    [Fact]
    public void windows_line_endings_become_line_feeds() =>
        Assert.Equal("one\ntwo\n\nthree", ReadText("a.txt", Utf8("one\r\ntwo\r\n\r\nthree"), "txt"));

    [Fact]
    public void old_mac_line_endings_become_line_feeds() =>
        Assert.Equal("one\ntwo\n\nthree", ReadText("a.txt", Utf8("one\rtwo\r\rthree"), "txt"));

    [Fact]
    public void white_space_at_the_very_end_is_trimmed_but_not_inside_or_at_the_start() =>
        Assert.Equal("  indented\n\n\tline  with  spaces", ReadText("a.txt", Utf8("  indented\n\n\tline  with  spaces \t\n\n  \n"), "txt"));

    [Fact]
    public void bytes_that_are_not_utf8_are_refused_with_advice_to_save_as_utf8()
    {
        var latin1 = new byte[] { (byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'n', (byte)'o', (byte)'i', (byte)'r' };

        var message = Refused("notes.txt", latin1, UnsupportedType);

        Assert.Contains("'notes.txt' is not UTF-8 text", message);
        Assert.Contains("save it as UTF-8", message);
    }

    [Fact]
    public void a_utf8_byte_order_mark_followed_by_invalid_bytes_is_refused() =>
        Assert.Contains("not valid UTF-8", Refused("notes.txt", [0xEF, 0xBB, 0xBF, (byte)'a', 0xC3], UnsupportedType));

    [Fact]
    public void utf16_with_an_odd_number_of_bytes_or_a_lone_surrogate_is_refused()
    {
        Assert.Contains("not valid UTF-16", Refused("notes.txt", [0xFF, 0xFE, (byte)'a', 0, (byte)'b'], UnsupportedType));
        Assert.Contains("not valid UTF-16", Refused("notes.txt", [0xFF, 0xFE, (byte)'a', 0, 0x00, 0xD8, (byte)'b', 0], UnsupportedType));
    }

    [Fact]
    public void a_binary_file_named_txt_is_refused()
    {
        var blob = new byte[4096];
        new Random(7).NextBytes(blob);
        blob[0] = 0;

        Assert.Contains("looks like a binary file", Refused("photo.txt", blob, UnsupportedType));
    }

    [Fact]
    public void valid_utf8_with_a_nul_byte_is_refused_as_binary() =>
        Assert.Contains("looks like a binary file", Refused("data.md", Utf8("PK\u0003\u0004\0\0abc"), UnsupportedType));

    [Fact]
    public void valid_utf8_made_mostly_of_control_characters_is_refused_as_binary() =>
        Assert.Contains("looks like a binary file", Refused("data.txt", Utf8("\u0001\u0002\u0003\u0004abcdef\u0005\u0006"), UnsupportedType));

    [Fact]
    public void tabs_line_feeds_and_form_feeds_are_text_not_control_characters() =>
        Assert.Equal("a\tb\n\f\n\tc", ReadText("a.txt", Utf8("a\tb\n\f\n\tc"), "txt"));

    [Fact]
    public void a_few_escape_characters_in_a_log_do_not_make_it_binary() =>
        Assert.Equal("\u001b[31mred\u001b[0m warning text that goes on", ReadText("log.txt", Utf8("\u001b[31mred\u001b[0m warning text that goes on"), "txt"));

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { (byte)' ', (byte)'\r', (byte)'\n', (byte)'\t', (byte)' ' })]
    public void an_empty_or_blank_file_is_refused_as_empty(byte[] content) =>
        Assert.Contains("The file has no text", Refused("empty.txt", content, EmptyContent));

    [Fact]
    public void unicode_white_space_only_is_empty_too() =>
        Assert.Contains("The file has no text", Refused("empty.txt", Utf8("\u00A0\u2003\n\u3000"), EmptyContent));
}
