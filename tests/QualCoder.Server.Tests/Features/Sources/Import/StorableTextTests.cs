using QualCoder.Server.Features.Sources.Import;

namespace QualCoder.Server.Tests.Features.Sources.Import;

public class StorableTextTests
{
    [Fact]
    public void text_postgresql_can_store_is_returned_as_it_is()
    {
        var text = "Smiled 😀 at the cafe\u0301\n\f\n\u0007bell";

        Assert.Same(text, StorableText.Of(text));
    }

    [Fact]
    public void nul_characters_are_removed() =>
        Assert.Equal("abc😀", StorableText.Of("a\0b\0\0c😀\0"));

    [Fact]
    public void unpaired_surrogates_become_replacement_characters_and_pairs_stay() =>
        Assert.Equal("a\uFFFDb😀\uFFFD\uFFFD", StorableText.Of("a\uD800b😀\uDC00\uD83D"));
}
