using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualCoder.Server.Hosting;

/// <summary>
/// PostgreSQL cannot store U+0000 in text or jsonb, so a string carrying one would fail deep in a commit. Refusing
/// it while reading the request turns that into a 400 that names the field, for every endpoint at once.
/// </summary>
public sealed class NoNulStrings : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value?.Contains('\0', StringComparison.Ordinal) == true
            ? throw new JsonException("Text may not contain the NUL character (U+0000).")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
