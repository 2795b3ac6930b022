using System.Text.Json;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// Ids in tool arguments. Ids are UUID strings; a missing or malformed one is the agent's to fix, so it is a tool error
/// (<c>PREFIX/MISSING_PARAM</c>, <c>PREFIX/INVALID_PARAM</c>) naming the argument, never an exception. Required ids are
/// declared optional in the tool's signature so that a missing one reaches these checks rather than the SDK's binder.
/// </summary>
public static class ToolIds
{
    public static DomainError? Required(string? value, string argument, string codePrefix, out Guid id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return Missing(argument, codePrefix);
        }

        return Guid.TryParse(value.Trim(), out id) ? null : NotAnId(argument, value, codePrefix);
    }

    /// <summary>
    /// An id that may be left out: omitted, null, "" or 0 (v2's integer ids counted from 1) all mean none, which for a
    /// folder or a parent is the top level.
    /// </summary>
    public static DomainError? Optional(JsonElement? value, string argument, string codePrefix, out Guid? id)
    {
        id = null;
        if (value is not { } given || given.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        if (given.ValueKind == JsonValueKind.Number)
        {
            return given.TryGetInt64(out var number) && number == 0 ? null : NotAnId(argument, given.GetRawText(), codePrefix);
        }

        var text = given.ValueKind == JsonValueKind.String ? given.GetString()!.Trim() : given.GetRawText();
        if (text is "" or "0")
        {
            return null;
        }

        if (!Guid.TryParse(text, out var parsed))
        {
            return NotAnId(argument, text, codePrefix);
        }

        id = parsed;
        return null;
    }

    /// <summary>An id that may be left out, given as text: omitted, null or blank means none, anything else must be a UUID.</summary>
    public static DomainError? Optional(string? value, string argument, string codePrefix, out Guid? id)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var error = Required(value, argument, codePrefix, out var parsed);
        id = error is null ? parsed : null;
        return error;
    }

    public static DomainError Missing(string argument, string codePrefix) =>
        DomainError.Invalid($"{codePrefix}/MISSING_PARAM", $"{argument} is required.");

    public static DomainError Invalid(string argument, string codePrefix, string why) =>
        DomainError.Invalid($"{codePrefix}/INVALID_PARAM", $"{argument} {why}");

    private static DomainError NotAnId(string argument, string value, string codePrefix) =>
        Invalid(argument, codePrefix, $"must be an id (a UUID string); \"{value}\" is not one.");
}
