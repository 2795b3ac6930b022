using System.Diagnostics;
using System.Net;
using System.Text;
using QualCoder.Server.Domain;
using QualCoder.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QualCoder.Server.Tests.Features.Sources;

public sealed class SourceTextPagingTests(QualCoderApp app, ITestOutputHelper output) : IntegrationTest(app)
{
    /// <summary>Emoji (surrogate pairs), a ZWJ sequence with a skin tone, and combining accents, over and over.</summary>
    private static string Transcript(int repeats)
    {
        var text = new StringBuilder();
        for (var i = 0; i < repeats; i++)
        {
            text.Append($"{i}: Ça va? 🙂 Cafe\u0301 👩🏽‍⚕️ said: \"ok\"\n");
        }

        return text.ToString();
    }

    [Fact]
    public async Task a_long_text_reads_in_full_pages_that_concatenate_to_the_original()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var text = Transcript(3500);
        var length = CodePointText.CountCodePoints(text);
        Assert.InRange(length, 100_001, 150_000);
        var id = await ada.AddSource(projectId, content: text);

        var pages = new List<string>();
        var start = 0;
        while (true)
        {
            var page = (await ada.Get($"/api/projects/{projectId}/sources/{id}/text?start={start}")).ShouldBe(HttpStatusCode.OK);
            var end = page["end"].GetValue<int>();
            Assert.Equal(start, page["start"].GetValue<int>());
            Assert.Equal(length, page["totalLength"].GetValue<int>());
            Assert.Equal(Math.Min(start + 50_000, length), end);
            Assert.Equal(end < length, page["hasMore"].GetValue<bool>());
            Assert.Equal(end - start, CodePointText.CountCodePoints(page.String("text")));
            pages.Add(page.String("text"));
            if (!page["hasMore"].GetValue<bool>())
            {
                break;
            }

            start = end;
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(text, string.Concat(pages));
    }

    [Fact]
    public async Task a_range_is_cut_on_code_points_not_utf16_units()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        const string text = "a🙂b\u0301👩🏽‍⚕️c";
        var id = await ada.AddSource(projectId, content: text);
        var url = $"/api/projects/{projectId}/sources/{id}/text";

        var page = (await ada.Get($"{url}?start=1&end=4")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("🙂b\u0301", page.String("text"));
        Assert.Equal(new CodePointText(text).Slice(1, 4), page.String("text"));
        Assert.Equal(10, page["totalLength"].GetValue<int>());
        Assert.True(page["hasMore"].GetValue<bool>());
        Assert.Equal("👩🏽‍⚕️c", (await ada.Get($"{url}?start=4&end=10")).String("text"));
    }

    [Fact]
    public async Task an_end_past_the_text_is_clamped_and_a_start_past_it_is_refused()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var id = await ada.AddSource(projectId, content: "Hello 🙂");
        var url = $"/api/projects/{projectId}/sources/{id}/text";

        var tail = (await ada.Get($"{url}?start=6&end=500")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(("🙂", 7, false), (tail.String("text"), tail["end"].GetValue<int>(), tail["hasMore"].GetValue<bool>()));
        var atEnd = (await ada.Get($"{url}?start=7")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("", atEnd.String("text"));

        (await ada.Get($"{url}?start=8")).ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_TEXT/INVALID_RANGE");
        (await ada.Get($"{url}?start=-1")).ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_TEXT/INVALID_RANGE");
        (await ada.Get($"{url}?start=5&end=4")).ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_TEXT/INVALID_RANGE");
        (await ada.Get($"{url}?start=x")).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");
    }

    [Fact]
    public async Task a_page_of_a_5_mb_transcript_is_read_without_the_whole_text()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var text = Transcript(100_000);
        Assert.InRange(Encoding.UTF8.GetByteCount(text), 5_000_000, 6_500_000);
        var id = await ada.AddSource(projectId, content: text);
        var length = CodePointText.CountCodePoints(text);
        var url = $"/api/projects/{projectId}/sources/{id}/text";
        (await ada.Get($"{url}?start=0")).ShouldBe(HttpStatusCode.OK);

        var lastUrl = $"{url}?start={length - 30_000}";
        var middleUrl = $"{url}?start={length / 2}";
        var (last, lastMs) = await Timed(ada, lastUrl);
        var (middle, middleMs) = await Timed(ada, middleUrl);

        var all = new CodePointText(text);
        Assert.Equal(all.Slice(length - 30_000, length), last.String("text"));
        Assert.False(last["hasMore"].GetValue<bool>());
        Assert.Equal(all.Slice(length / 2, length / 2 + 50_000), middle.String("text"));
        Assert.True(last.Text.Length < 200_000, $"The page's answer has {last.Text.Length} characters.");
        output.WriteLine($"{Encoding.UTF8.GetByteCount(text):N0} bytes, {length:N0} code points: last page {lastMs:F1} ms, middle page {middleMs:F1} ms (median of 5).");
    }

    /// <summary>The page at <paramref name="url"/>, and the median time of five reads of it.</summary>
    private static async Task<(Reply Page, double MedianMs)> Timed(ApiClient client, string url)
    {
        var times = new List<double>();
        Reply? page = null;
        for (var i = 0; i < 5; i++)
        {
            var timer = Stopwatch.StartNew();
            page = (await client.Get(url)).ShouldBe(HttpStatusCode.OK);
            times.Add(timer.Elapsed.TotalMilliseconds);
        }

        return (page!, times.Order().ElementAt(2));
    }
}
