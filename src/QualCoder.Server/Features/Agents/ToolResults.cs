using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol.Protocol;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// How every tool answers, in QualCoder v2's envelope so v2 prompts keep working: success is
/// <c>{success: true, data}</c>, failure <c>{success: false, error, error_code, suggestions[]}</c> with isError set.
/// The envelope is both the structured content and the text (as JSON), and uses snake_case names like v2.
/// <para>
/// A tool group follows <see cref="ProjectTools"/>: a static class marked <c>[McpServerToolType]</c>, registered in
/// <see cref="AgentsModule.AddAgents"/>; each tool takes <c>RequestContext&lt;CallToolRequestParams&gt;</c> first, builds an
/// <see cref="AgentCaller"/> from it, asks it for the project (<see cref="AgentCaller.ProjectAsync"/>, which applies
/// the token's scope and the session's current project, or an explicit <c>project_id</c>), then calls the same query
/// function or sends the same Wolverine command as the HTTP endpoint (with <c>caller.Actor</c>), and answers
/// <see cref="Success"/> or <see cref="Failure"/>. Domain errors keep their codes; a role refusal becomes
/// <c>PREFIX/PERMISSION_DENIED</c>; any other exception becomes INTERNAL in <see cref="AgentsModule"/>'s filter.
/// </para>
/// </summary>
public static class ToolResults
{
    /// <summary>The MCP side's JSON: snake_case names and enum values, as v2's tools answer.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static CallToolResult Success(object data) =>
        Answer(new JsonObject { ["success"] = true, ["data"] = JsonSerializer.SerializeToNode(data, Json) }, isError: false);

    /// <summary>A refusal; <paramref name="suggestions"/> come first, then the general advice for its kind of error.</summary>
    public static CallToolResult Failure(DomainError error, params string[] suggestions) =>
        Failure(CodeOf(error), error.Message, [.. suggestions, .. SuggestionsFor(error)]);

    /// <summary>What an unexpected exception becomes: no details leak, and the agent knows it was not its fault.</summary>
    public static CallToolResult Internal() => Failure(
        "INTERNAL", "The server failed while running this tool; the failure was logged.",
        ["Try again; if it fails again, tell the server's administrator."]);

    /// <summary>A refusal for want of rights reads the same whether the token's scope or the project role said no.</summary>
    public static string CodeOf(DomainError error) =>
        error.Kind == ErrorKind.Forbidden && error.Code.IndexOf('/') is var slash and > 0
            ? $"{error.Code[..slash]}/PERMISSION_DENIED"
            : error.Code;

    private static IEnumerable<string> SuggestionsFor(DomainError error)
    {
        if (error.Code.EndsWith("/NO_CONTEXT", StringComparison.Ordinal))
        {
            yield return "Open a project first (open_project), or pass project_id";
            yield break;
        }

        yield return error.Kind switch
        {
            ErrorKind.Invalid => "Check the arguments against the tool's description and call it again.",
            ErrorKind.Forbidden => "Ask a project owner for a higher role, or use a personal access token with a wider scope.",
            ErrorKind.NotFound => "Check the id: list_projects lists your projects, get_project_context the open project's sources.",
            ErrorKind.Conflict => "Read the current state again and retry with it.",
            ErrorKind.TooLarge => "Send less at once.",
            _ => "Create a new personal access token under Settings and use it.",
        };
    }

    private static CallToolResult Failure(string code, string message, string[] suggestions) => Answer(new JsonObject
    {
        ["success"] = false,
        ["error"] = message,
        ["error_code"] = code,
        ["suggestions"] = new JsonArray([.. suggestions.Distinct().Select(s => JsonValue.Create(s))]),
    }, isError: true);

    private static CallToolResult Answer(JsonObject envelope, bool isError) => new()
    {
        IsError = isError,
        StructuredContent = JsonSerializer.SerializeToElement(envelope, Json),
        Content = [new TextContentBlock { Text = envelope.ToJsonString(Json) }],
    };
}
