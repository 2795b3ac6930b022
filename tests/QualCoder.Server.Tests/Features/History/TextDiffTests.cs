using QualCoder.Server.Features.History;

namespace QualCoder.Server.Tests.Features.History;

public class TextDiffTests
{
    private static string Show(IEnumerable<TextDiffPart> parts) =>
        string.Concat(parts.Select(p => p.Op switch { TextDiff.Insert => $"[+{p.Text}]", TextDiff.Delete => $"[-{p.Text}]", _ => p.Text }));

    [Fact]
    public void one_changed_word_is_deleted_and_inserted_between_equal_text() =>
        Assert.Equal("the [-quick][+slow] fox", Show(TextDiff.Of("the quick fox", "the slow fox")));

    [Fact]
    public void an_added_sentence_is_one_insert() =>
        Assert.Equal("Nurses were tired.[+ They said so.]", Show(TextDiff.Of("Nurses were tired.", "Nurses were tired. They said so.")));

    [Fact]
    public void words_kept_in_the_middle_stay_equal() =>
        Assert.Equal("[-a][+x] b c [-d][+y]", Show(TextDiff.Of("a b c d", "x b c y")));

    [Fact]
    public void equal_texts_are_one_equal_part() =>
        Assert.Equal([new TextDiffPart(TextDiff.Equal, "same words")], TextDiff.Of("same words", "same words"));

    [Fact]
    public void from_and_to_empty_text() =>
        Assert.Equal(("[+new memo]", "[-old]"), (Show(TextDiff.Of("", "new memo")), Show(TextDiff.Of("old", ""))));

    [Fact]
    public void the_parts_rebuild_both_texts_and_keep_the_common_words()
    {
        var random = new Random(7);
        string[] words = ["a", "b", "c", "nurse", "tired", " ", "\n", "  "];
        for (var i = 0; i < 300; i++)
        {
            var before = string.Join(" ", Enumerable.Range(0, random.Next(0, 12)).Select(_ => words[random.Next(words.Length)]));
            var after = string.Join(" ", Enumerable.Range(0, random.Next(0, 12)).Select(_ => words[random.Next(words.Length)]));
            var parts = TextDiff.Of(before, after);
            Assert.Equal(before, string.Concat(parts.Where(p => p.Op != TextDiff.Insert).Select(p => p.Text)));
            Assert.Equal(after, string.Concat(parts.Where(p => p.Op != TextDiff.Delete).Select(p => p.Text)));
            Assert.All(parts, p => Assert.NotEqual("", p.Text));
            Assert.All(parts.Zip(parts.Skip(1)), pair => Assert.NotEqual(pair.First.Op, pair.Second.Op));
        }
    }

    [Fact]
    public void a_very_long_rewrite_is_shown_without_the_quadratic_table()
    {
        var before = string.Join(" ", Enumerable.Range(0, 5000).Select(i => $"w{i}"));
        var after = string.Join(" ", Enumerable.Range(0, 5000).Select(i => $"v{i}"));
        var parts = TextDiff.Of(before, after);
        Assert.Equal([TextDiff.Delete, TextDiff.Insert], parts.Select(p => p.Op));
    }
}
