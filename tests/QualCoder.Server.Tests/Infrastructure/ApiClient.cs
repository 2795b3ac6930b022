using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QualCoder.Server.Tests.Infrastructure;

/// <summary>One person's HTTP client (own cookie jar), with just enough sugar to keep scenarios readable.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    public Guid AccountId { get; private set; }

    public string Email { get; private set; } = "";

    public void UseBearer(string token) => Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    public Task<Reply> Send(HttpMethod method, string url, object? body = null) =>
        Send(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });

    public Task<Reply> SendRaw(HttpMethod method, string url, string rawJson) =>
        Send(new HttpRequestMessage(method, url) { Content = new StringContent(rawJson, System.Text.Encoding.UTF8, "application/json") });

    public async Task<Reply> Send(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType;
        // Only a JSON document is parsed: a download (JSON lines, say) is left as text.
        var isJson = type is null or "application/json" || type.EndsWith("+json", StringComparison.Ordinal);
        return new Reply(response.StatusCode, text.Length == 0 || !isJson ? null : JsonNode.Parse(text), text) { ContentType = type, Headers = response.Content.Headers };
    }

    public Task<Reply> Get(string url) => Send(HttpMethod.Get, url);

    public Task<Reply> Post(string url, object? body = null) => Send(HttpMethod.Post, url, body);

    public Task<Reply> Put(string url, object? body = null) => Send(HttpMethod.Put, url, body);

    public Task<Reply> Delete(string url) => Send(HttpMethod.Delete, url);

    /// <summary>Registers (and so signs in) this client as a new account.</summary>
    public async Task<ApiClient> Register(string name, string? email = null)
    {
        email ??= $"{name.ToLowerInvariant()}@example.org";
        var reply = await Post("/api/accounts", new { email, displayName = name, password = "a long passphrase" });
        reply.ShouldBe(HttpStatusCode.Created);
        AccountId = reply.Guid("id");
        Email = email;
        return this;
    }

    public async Task<Guid> CreateProject(string name = "Interviews")
    {
        var reply = await Post("/api/projects", new { name });
        reply.ShouldBe(HttpStatusCode.Created);
        return reply.Guid("id");
    }

    public async Task AddMember(Guid projectId, ApiClient member, string role)
    {
        var reply = await Post($"/api/projects/{projectId}/members", new { email = member.Email, role });
        reply.ShouldBe(HttpStatusCode.Created);
    }

    public void Dispose() => Http.Dispose();
}

public sealed record Reply(HttpStatusCode Status, JsonNode? Json, string Text)
{
    public string? ContentType { get; init; }

    public HttpContentHeaders? Headers { get; init; }

    public string? Code => Json is JsonObject o ? o["code"]?.GetValue<string>() : null;

    public JsonNode this[string property] => Json![property] ?? throw new InvalidOperationException($"No '{property}' in {Text}");

    public Guid Guid(string property) => this[property].GetValue<Guid>();

    public string String(string property) => this[property].GetValue<string>();

    public T As<T>() => Json.Deserialize<T>(JsonSerializerOptions.Web)!;

    public Reply ShouldBe(HttpStatusCode status, string? code = null)
    {
        Assert.True(Status == status, $"Expected {(int)status} {status}, got {(int)Status} {Status}: {Text}");
        if (code is not null)
        {
            Assert.Equal(code, Code);
        }

        return this;
    }
}
