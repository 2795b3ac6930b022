using System.Net;
using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>An MCP agent acting for one person: the real MCP C# client over /mcp with a personal access token of theirs.</summary>
public sealed class AgentClient(McpClient client) : IAsyncDisposable
{
    public const string Name = "test-agent";
    public const string Version = "0.9.1";

    public McpClient Client { get; } = client;

    public static async Task<AgentClient> ConnectAsync(QualCoderApp app, ApiClient person, string scope = "full")
    {
        var token = (await person.Post("/api/account/tokens", new { name = $"agent {Guid.NewGuid():N}", scope }))
            .ShouldBe(HttpStatusCode.Created).String("token");
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(app.BaseAddress, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
        });
        return new AgentClient(await McpClient.CreateAsync(transport, new McpClientOptions
        {
            ClientInfo = new Implementation { Name = Name, Version = Version },
        }));
    }

    /// <summary>Calls a tool and answers its result and the v2 envelope in its structured content.</summary>
    public async Task<Answer> Call(string tool, object? arguments = null)
    {
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : JsonSerializer.SerializeToElement(arguments).EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
        var result = await Client.CallToolAsync(tool, args);
        return new Answer(result, result.StructuredContent ?? throw new InvalidOperationException($"{tool} answered no structured content"));
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}

/// <summary>A tool's answer: success with data, or a failure with a code and suggestions.</summary>
public sealed record Answer(CallToolResult Result, JsonElement Envelope)
{
    public JsonElement Data => Envelope.GetProperty("data");

    public string? Code => Envelope.TryGetProperty("error_code", out var code) ? code.GetString() : null;

    public Answer ShouldSucceed()
    {
        Assert.True(Result.IsError != true && Envelope.GetProperty("success").GetBoolean(), $"Expected success: {Envelope}");
        return this;
    }

    public Answer ShouldFail(string code)
    {
        Assert.True(Result.IsError == true, $"Expected isError: {Envelope}");
        Assert.False(Envelope.GetProperty("success").GetBoolean());
        Assert.Equal(code, Code);
        Assert.NotEmpty(Envelope.GetProperty("suggestions").EnumerateArray());
        var text = Assert.IsType<TextContentBlock>(Assert.Single(Result.Content)).Text;
        Assert.Equal(code, JsonDocument.Parse(text).RootElement.GetProperty("error_code").GetString());
        return this;
    }
}
