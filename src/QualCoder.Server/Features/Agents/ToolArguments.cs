using System.Text.Json;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// A call that leaves out an argument the tool's schema requires is the agent's mistake, not the server's: the SDK's
/// binder would throw (and the call end as INTERNAL), so the filter answers <c>TOOL_NAME/MISSING_PARAM</c> first.
/// </summary>
public static class ToolArguments
{
    public static CallToolResult? MissingRequired(IMcpServerPrimitive? tool, CallToolRequestParams? call)
    {
        if (tool is not McpServerTool { ProtocolTool: var declared } || call is null
            || !declared.InputSchema.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var missing = required.EnumerateArray().Select(r => r.GetString()!)
            .Where(name => call.Arguments is null || !call.Arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
            .ToList();
        return missing.Count == 0
            ? null
            : ToolResults.Failure(
                DomainError.Invalid($"{declared.Name.ToUpperInvariant()}/MISSING_PARAM", $"{declared.Name} needs the argument(s) {string.Join(", ", missing)}."),
                "Call it again with every required argument; the tool's input schema lists them.");
    }
}
