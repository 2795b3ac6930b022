using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.ProjectExchange;

/// <summary>
/// Reads an export line by line from a stream, holding one line at a time, and checks a whole file before anything
/// of it is written: format and version, that every event is of a known kind and of the exported project, that the
/// project's creation comes first, the event count and the checksum.
/// </summary>
public static class ExchangeReader
{
    public const string Refused = "PROJECT_NOT_IMPORTED";

    /// <summary>Each line's bytes, with its newline when it has one (only the last line may lack it).</summary>
    public static async IAsyncEnumerable<byte[]> LinesAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        var reader = PipeReader.Create(body, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(ct);
                var buffer = result.Buffer;
                while (buffer.PositionOf((byte)'\n') is { } newline)
                {
                    var end = buffer.GetPosition(1, newline);
                    yield return buffer.Slice(0, end).ToArray();
                    buffer = buffer.Slice(end);
                }

                if (result.IsCompleted)
                {
                    if (!buffer.IsEmpty)
                    {
                        yield return buffer.ToArray();
                    }

                    yield break;
                }

                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    /// <summary>The file's header when the whole file is a sound export of one project in a format this server reads, else why not.</summary>
    public static async Task<(DomainError? Error, ExchangeHeader? Header)> VerifyAsync(
        Stream body, IReadOnlyDictionary<string, ImportTreatment> treatments, CancellationToken ct)
    {
        using var checksum = new ExchangeFile.Checksum();
        ExchangeHeader? header = null;
        ExchangeTrailer? trailer = null;
        long events = 0;
        var lineNumber = 0;
        await foreach (var line in LinesAsync(body, ct))
        {
            lineNumber++;
            if (trailer is not null)
            {
                return (Invalid("TRAILING_DATA", $"Line {lineNumber} follows the checksum line, which must be the last."), null);
            }

            using var json = Parse(line);
            if (json?.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (Malformed(lineNumber, "is not a JSON object"), null);
            }

            if (header is null)
            {
                if (CheckHeader(json, out header) is { } wrongHeader)
                {
                    return (wrongHeader, null);
                }
            }
            else if (json.RootElement.TryGetProperty("checksum", out _))
            {
                if (!TryRead(json, out trailer))
                {
                    return (Malformed(lineNumber, "is not a checksum line (checksum, eventCount)"), null);
                }

                continue;
            }
            else if (CheckEvent(json, lineNumber, events == 0, header.ProjectId, treatments) is { } wrongEvent)
            {
                return (wrongEvent, null);
            }
            else
            {
                events++;
            }

            checksum.Add(line);
        }

        return CheckEnd(header, trailer, events, checksum.Finish()) is { } wrongEnd ? (wrongEnd, null) : (null, header);
    }

    private static DomainError? CheckHeader(JsonDocument json, out ExchangeHeader? header)
    {
        header = null;
        if (!json.RootElement.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != ExchangeFile.Format)
        {
            return Invalid("NOT_AN_EXPORT", $"The first line must name the format \"{ExchangeFile.Format}\": this is not a QualCoder project export.");
        }

        if (!json.RootElement.TryGetProperty("version", out var version) || !version.TryGetInt32(out var number) || number != ExchangeFile.Version)
        {
            return Invalid(
                "UNSUPPORTED_VERSION",
                $"The file is in version {(version.ValueKind == JsonValueKind.Undefined ? "(none)" : version.ToString())} of the format; " +
                $"this server reads version {ExchangeFile.Version}. Update this server to import it.");
        }

        return TryRead(json, out header) ? null : Malformed(1, "is not a complete header (projectId, projectName, exportedAt, exportedBy, eventCount)");
    }

    private static DomainError? CheckEvent(
        JsonDocument json, int lineNumber, bool isFirst, Guid projectId, IReadOnlyDictionary<string, ImportTreatment> treatments)
    {
        if (!TryRead<ExchangeEvent>(json, out var e) || e!.Data.ValueKind != JsonValueKind.Object)
        {
            return Malformed(lineNumber, "is not an event (sequence, streamId, type, timestamp, data)");
        }

        if (!treatments.TryGetValue(e.Type, out var treatment))
        {
            return Invalid(
                "UNKNOWN_EVENT_TYPE",
                $"Line {lineNumber} holds an event of type \"{e.Type}\", which this server does not know (the file may come from a newer version). " +
                "Nothing was imported.");
        }

        if (!e.Data.TryGetProperty("projectId", out var owner) || !owner.TryGetGuid(out var ownerId) || ownerId != projectId)
        {
            return Invalid("FOREIGN_EVENT", $"The event on line {lineNumber} does not belong to the exported project {projectId}.");
        }

        if (treatment == ImportTreatment.Refuse)
        {
            return Invalid("DELETED_PROJECT", $"Line {lineNumber} deletes the project ({e.Type}); a deleted project cannot be imported.");
        }

        return isFirst != (treatment == ImportTreatment.ReplayAsImporter)
            ? Invalid("NOT_CREATED_FIRST", $"The project's creation must be the first event, and only the first; line {lineNumber} is {e.Type}.")
            : null;
    }

    private static DomainError? CheckEnd(ExchangeHeader? header, ExchangeTrailer? trailer, long events, string checksum)
    {
        if (header is null)
        {
            return Invalid("EMPTY", "The file is empty.");
        }

        if (trailer is null)
        {
            return Invalid("TRUNCATED", "The file ends without its checksum line: it was cut off or is not a complete export.");
        }

        if (trailer.EventCount != header.EventCount || events != header.EventCount)
        {
            return Invalid(
                "COUNT_MISMATCH",
                $"The header announces {header.EventCount} events and the checksum line {trailer.EventCount}; the file holds {events}.");
        }

        return string.Equals(trailer.Checksum, checksum, StringComparison.OrdinalIgnoreCase)
            ? null
            : Invalid("CHECKSUM_MISMATCH", $"The file's content does not match its checksum ({trailer.Checksum}; computed {checksum}): it was changed or damaged.");
    }

    private static JsonDocument? Parse(byte[] line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryRead<T>(JsonDocument json, out T? value)
        where T : class
    {
        try
        {
            value = json.Deserialize<T>(ExchangeFile.Json);
            return value is not null;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    private static DomainError Malformed(int lineNumber, string what) => Invalid("MALFORMED_LINE", $"Line {lineNumber} {what}.");

    private static DomainError Invalid(string reason, string message) => DomainError.Invalid($"{Refused}/{reason}", message);
}
