using System.Net;
using System.Net.Http.Headers;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Sources;

/// <summary>The requests scenarios about sources and folders keep making.</summary>
internal static class SourceRequests
{
    public static async Task<Guid> AddSource(this ApiClient client, Guid projectId, string name = "Interview 1", string content = "Some text", Guid? folderId = null)
    {
        var reply = await client.Post($"/api/projects/{projectId}/sources", new { name, content, folderId });
        return reply.ShouldBe(HttpStatusCode.Created).Guid("id");
    }

    public static async Task<Guid> CreateFolder(this ApiClient client, Guid projectId, string name, Guid? parentId = null)
    {
        var reply = await client.Post($"/api/projects/{projectId}/folders", new { name, parentId });
        return reply.ShouldBe(HttpStatusCode.Created).Guid("id");
    }

    /// <summary>A multipart upload of one file, with optional other form fields (name, memo, origin, folderId).</summary>
    public static HttpRequestMessage Upload(Guid projectId, string fileName, byte[] bytes, params (string Field, string Value)[] fields)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        foreach (var (field, value) in fields)
        {
            form.Add(new StringContent(value), field);
        }

        return new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{projectId}/sources/upload") { Content = form };
    }
}
