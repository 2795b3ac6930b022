using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QualCoder.Server.Features.ProjectExchange;

/// <summary>
/// A project's complete event history as JSON lines, for moving a project between servers: a header, one line per
/// event in commit order, and a trailer holding the SHA-256 of every byte before it (each line with its "\n") and the
/// event count. The checksum finds a damaged or cut-off file; it is no signature, so an import trusts nothing in
/// the file beyond what the importer could have done by hand in a project of their own.
/// </summary>
public static class ExchangeFile
{
    public const string Format = "qualcoder-project-events";

    /// <summary>Raised when the shape of a line changes; an older server refuses a newer file instead of misreading it.</summary>
    public const int Version = 1;

    public const string MediaType = "application/x-ndjson";

    public const string Extension = ".qcproj.jsonl";

    private const string ChecksumPrefix = "sha256:";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A line missing a field is a damaged file, not a line with defaults.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>A line's bytes, with its terminating newline.</summary>
    public static byte[] Line<T>(T value)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Json);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    /// <summary>A file name a browser can save: the project's name without characters file systems refuse.</summary>
    public static string FileNameFor(string projectName)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '\\', '/', ':', '*', '?', '<', '>', '|']).ToHashSet();
        var safe = new string([.. projectName.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim().Trim('.');
        return (safe.Length == 0 ? "project" : safe) + Extension;
    }

    /// <summary>The running SHA-256 over the lines before the trailer.</summary>
    public sealed class Checksum : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public void Add(ReadOnlySpan<byte> line) => _hash.AppendData(line);

        public string Finish() => ChecksumPrefix + Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void Dispose() => _hash.Dispose();
    }
}

/// <summary>The first line: which format and version, which project it was, when and by whom it was exported, how many events follow.</summary>
public sealed record ExchangeHeader(
    string Format, int Version, Guid ProjectId, string ProjectName, DateTimeOffset ExportedAt, Guid ExportedBy, long EventCount);

/// <summary>
/// One event as the store holds it: its global sequence and server timestamp on the exporting server (informative
/// only), its stream, its Marten type name and its data (which carries the actor and the time it happened).
/// </summary>
public sealed record ExchangeEvent(long Sequence, Guid StreamId, string Type, DateTimeOffset Timestamp, JsonElement Data);

/// <summary>The last line: the checksum of everything before it, and the event count again to catch a cut-off file.</summary>
public sealed record ExchangeTrailer(string Checksum, long EventCount);
