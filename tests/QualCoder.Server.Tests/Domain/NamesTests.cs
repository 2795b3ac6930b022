using QualCoder.Server.Domain;

namespace QualCoder.Server.Tests.Domain;

public class NamesTests
{
    private static DomainError? Check(string? raw, out string name) => Names.Check(raw, 100, "THING_NOT_MADE", "thing name", out name);

    private static string Repeat(string s, int times) => string.Concat(Enumerable.Repeat(s, times));

    [Fact]
    public void a_name_is_trimmed()
    {
        Assert.Null(Check("  Field notes \t", out var name));
        Assert.Equal("Field notes", name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u00A0\u2003")]
    public void an_empty_or_whitespace_only_name_is_refused_as_empty(string? raw)
    {
        var error = Check(raw, out _);

        Assert.NotNull(error);
        Assert.Equal("THING_NOT_MADE/EMPTY_NAME", error.Code);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("The thing name must not be empty.", error.Message);
    }

    [Fact]
    public void a_name_of_exactly_the_maximum_length_is_accepted()
    {
        Assert.Null(Check(new string('a', 100), out var name));
        Assert.Equal(100, name.Length);
    }

    [Fact]
    public void a_name_one_over_the_maximum_is_refused_as_too_long()
    {
        var error = Check(new string('a', 101), out _);

        Assert.NotNull(error);
        Assert.Equal("THING_NOT_MADE/NAME_TOO_LONG", error.Code);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("The thing name has 101 characters; at most 100 are allowed.", error.Message);
    }

    [Fact]
    public void surrounding_whitespace_does_not_count_towards_the_length() =>
        Assert.Null(Check($"   {new string('a', 100)}   ", out _));

    [Fact]
    public void an_emoji_counts_as_one_character()
    {
        var hundredEmoji = Repeat("😀", 100);

        Assert.Equal(200, hundredEmoji.Length);
        Assert.Null(Check(hundredEmoji, out var name));
        Assert.Equal(hundredEmoji, name);
    }

    [Fact]
    public void a_hundred_and_one_emoji_are_too_long()
    {
        var error = Check(Repeat("🎉", 101), out _);

        Assert.NotNull(error);
        Assert.Equal("THING_NOT_MADE/NAME_TOO_LONG", error.Code);
        Assert.Contains("has 101 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void emoji_and_letters_mix_by_code_point() => Assert.Null(Check(Repeat("a😀", 50), out _));
}
