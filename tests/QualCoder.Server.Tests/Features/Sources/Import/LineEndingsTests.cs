using QualCoder.Server.Features.Sources.Import;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class LineEndingsTests
{
    [Theory]
    [InlineData("a\r\nb\r\nc", "a\nb\nc")]
    [InlineData("a\rb\rc", "a\nb\nc")]
    [InlineData("a\r\rb", "a\n\nb")]
    [InlineData("a\n\rb", "a\n\nb")]
    [InlineData("a\r\n\r\nb\r", "a\n\nb\n")]
    [InlineData("a\nb", "a\nb")]
    [InlineData("", "")]
    public void windows_and_old_mac_line_endings_become_line_feeds(string text, string expected) =>
        Assert.Equal(expected, LineEndings.Normalise(text));

    [Fact]
    public void form_feeds_and_unicode_line_separators_are_left_alone() =>
        Assert.Equal("a\n\f\nb\u2028c\u0085d", LineEndings.Normalise("a\r\n\f\r\nb\u2028c\u0085d"));
}
