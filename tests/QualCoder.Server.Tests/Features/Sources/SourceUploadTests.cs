using System.Net;
using System.Text;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Sources;

public sealed class SourceUploadTests(QualCoderApp app) : IntegrationTest(app)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task a_utf8_text_file_with_a_bom_becomes_a_source_named_after_the_file()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var bytes = Bom.Concat(Encoding.UTF8.GetBytes("Line 1\r\nLine 2 🙂\rEnd")).ToArray();

        var added = (await ada.Send(SourceRequests.Upload(projectId, "Interview 3.txt", bytes))).ShouldBe(HttpStatusCode.Created);

        Assert.Equal("Interview 3", added.String("name"));
        Assert.Equal("txt", added.String("format"));
        Assert.Equal(19, added["length"].GetValue<int>());
        var page = (await ada.Get($"/api/projects/{projectId}/sources/{added.Guid("id")}/text")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Line 1\nLine 2 🙂\nEnd", page.String("text"));
    }

    [Fact]
    public async Task the_form_may_name_the_source_and_give_its_memo_origin_and_folder()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var folderId = await ada.CreateFolder(projectId, "Fieldwork");

        var added = (await ada.Send(SourceRequests.Upload(projectId, "notes.md", Encoding.UTF8.GetBytes("# Notes\n\nSeen on ward B."),
                ("name", "Field notes, May"), ("memo", "Typed up the same day"), ("origin", "Ward B"), ("folderId", folderId.ToString()))))
            .ShouldBe(HttpStatusCode.Created);

        Assert.Equal("Field notes, May", added.String("name"));
        Assert.Equal("Typed up the same day", added.String("memo"));
        Assert.Equal("Ward B", added.String("origin"));
        Assert.Equal(folderId, added.Guid("folderId"));
    }

    [Fact]
    public async Task an_unsupported_file_is_refused_and_nothing_is_kept()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        (await ada.Send(SourceRequests.Upload(projectId, "photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_ADDED/UNSUPPORTED_TYPE");

        Assert.Empty((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task an_empty_text_file_is_refused()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        (await ada.Send(SourceRequests.Upload(projectId, "blank.txt", Bom.Concat(Encoding.UTF8.GetBytes(" \r\n ")).ToArray())))
            .ShouldBe(HttpStatusCode.UnprocessableEntity, "SOURCE_NOT_ADDED/EMPTY_CONTENT");
    }

    [Fact]
    public async Task an_upload_follows_the_same_rules_as_a_paste()
    {
        var ada = await SignedIn("Ada");
        var cy = await SignedIn("Cy");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, cy, "coder");
        await ada.AddSource(projectId, "Interview 1");

        (await ada.Send(SourceRequests.Upload(projectId, "interview 1.txt", Encoding.UTF8.GetBytes("Again"))))
            .ShouldBe(HttpStatusCode.Conflict, "SOURCE_NOT_ADDED/DUPLICATE_NAME");
        (await cy.Send(SourceRequests.Upload(projectId, "mine.txt", Encoding.UTF8.GetBytes("Mine"))))
            .ShouldBe(HttpStatusCode.Forbidden, "SOURCE_NOT_ADDED/FORBIDDEN");
    }

    [Fact]
    public async Task the_api_reference_describes_the_upload_as_a_form_with_a_file()
    {
        var document = (await Anonymous().Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var form = document["paths"]["/api/projects/{projectId}/sources/upload"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!;
        Assert.Contains("\"file\"", form.ToJsonString());
        Assert.Contains("\"folderId\"", form.ToJsonString());
    }

    [Fact]
    public async Task an_upload_without_a_file_is_malformed()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        var form = new MultipartFormDataContent { { new StringContent("Interview"), "name" } };

        (await ada.Send(new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{projectId}/sources/upload") { Content = form }))
            .ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");
    }
}

/// <summary>A server that takes sources of at most 1,000 bytes.</summary>
public sealed class SmallUploadsApp : QualCoderApp
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["QualCoder:MaxUploadBytes"] = "1000" };
}

public sealed class SourceSizeLimitTests(SmallUploadsApp app) : IntegrationTest<SmallUploadsApp>(app)
{
    [Fact]
    public async Task a_file_over_the_configured_limit_is_too_large()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        (await ada.Send(SourceRequests.Upload(projectId, "long.txt", Encoding.UTF8.GetBytes(new string('x', 1001)))))
            .ShouldBe(HttpStatusCode.RequestEntityTooLarge, "SOURCE_NOT_ADDED/TOO_LARGE");
        (await ada.Send(SourceRequests.Upload(projectId, "exact.txt", Encoding.UTF8.GetBytes(new string('x', 1000)))))
            .ShouldBe(HttpStatusCode.Created);
        Assert.Single((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task a_small_file_whose_text_is_over_the_limit_is_too_large()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();
        // 400 CJK characters: 802 bytes as UTF-16 with its BOM, 1,200 bytes as UTF-8 text.
        var file = System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(new string('\u8a9e', 400))).ToArray();

        (await ada.Send(SourceRequests.Upload(projectId, "notes.txt", file))).ShouldBe(HttpStatusCode.RequestEntityTooLarge, "SOURCE_NOT_ADDED/TOO_LARGE");
        Assert.Empty((await ada.Get($"/api/projects/{projectId}/sources")).Json!.AsArray());
    }

    [Fact]
    public async Task a_pasted_text_over_the_limit_in_utf8_bytes_is_too_large()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        (await ada.Post($"/api/projects/{projectId}/sources", new { name = "Long", content = string.Concat(Enumerable.Repeat("🙂", 251)) }))
            .ShouldBe(HttpStatusCode.RequestEntityTooLarge, "SOURCE_NOT_ADDED/TOO_LARGE");
        (await ada.Post($"/api/projects/{projectId}/sources", new { name = "Fits", content = string.Concat(Enumerable.Repeat("🙂", 250)) }))
            .ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_body_far_over_the_limit_is_refused_before_it_is_read()
    {
        var ada = await SignedIn("Ada");
        var projectId = await ada.CreateProject();

        var request = SourceRequests.Upload(projectId, "huge.txt", new byte[3 * 1024 * 1024]);
        // As browsers and HTTP clients do for big bodies: the server can refuse before the body is sent.
        request.Headers.ExpectContinue = true;
        (await ada.Send(request))
            .ShouldBe(HttpStatusCode.RequestEntityTooLarge, "REQUEST/TOO_LARGE");
    }
}
