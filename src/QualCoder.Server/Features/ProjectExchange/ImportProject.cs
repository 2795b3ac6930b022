using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Marten;
using Npgsql;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.History;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.ProjectExchange;

/// <summary>
/// Makes a new project, owned by the importer, from an <see cref="ExchangeFile"/>. The body is read twice: first the
/// whole file is checked (<see cref="ExchangeReader.VerifyAsync"/>) while ASP.NET Core buffers it to disk, then
/// every event is replayed with new ids (<see cref="ExchangeIds"/>) in one transaction, so the inline projections
/// build every read model exactly as if the events had happened here, and the imported history is the project's
/// version 1 (<see cref="ImportedVersion"/>); any failure rolls it all back.
/// Events are appended in the file's order: Marten gives the events of one stream in one save consecutive
/// sequences, so a save ends wherever a stream comes back after another, and the imported project's events keep
/// their commit order (its history and catch-up read them in that order).
/// Not a Wolverine command: its input is a stream read twice and its transaction spans many saves, where a message
/// would have to carry the whole file; the decisions in it are pure and tested on their own (the file checks in
/// <see cref="ExchangeReader"/>, the new ids in <see cref="ExchangeIds"/>, what is replayed in <see cref="ExchangeEvents"/>).
/// </summary>
public static class ImportProject
{
    public const long DefaultMaxBytes = 1024L * 1024 * 1024;

    /// <summary>
    /// Appended events are held in memory until saved, so a save is made at least every so many bytes of lines. Kept
    /// small because a save's time grows with the text in it: every source's passages are indexed for search.
    /// </summary>
    private const long MaxPendingBytes = 1024 * 1024;

    /// <summary>
    /// How long one save may take. Indexing a source's search passages costs seconds per megabyte of text (measured on a
    /// loaded two-core machine: 8 sources of 1 MB took 17 s to add and 25 s to import with 800 codings), so a source
    /// near the upload limit would pass the 30 s default.
    /// </summary>
    private const int SaveTimeoutSeconds = 600;

    /// <summary>
    /// Event data as the store writes it, read strictly: a field missing or null where the event does not allow it
    /// refuses the file instead of reaching a projection.
    /// </summary>
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>QualCoder:MaxImportBytes, the largest export file accepted (default 1 GB; it is buffered on disk, not in memory).</summary>
    public static long MaxBytes(IConfiguration configuration) => configuration.GetValue("QualCoder:MaxImportBytes", DefaultMaxBytes);

    internal static void Map(RouteGroupBuilder projects)
    {
        var maxBytes = MaxBytes(((IEndpointRouteBuilder)projects).ServiceProvider.GetRequiredService<IConfiguration>());
        projects
            .MapPost("/import", async (HttpContext http, IDocumentStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var importer = http.User.ToActor();
                var treatments = ExchangeEvents.ByStoredName(store.Options);
                http.Request.EnableBuffering(bufferThreshold: 1024 * 1024, bufferLimit: maxBytes);
                var body = http.Request.Body;
                var (invalid, header) = await ExchangeReader.VerifyAsync(body, treatments.ToDictionary(t => t.Key, t => t.Value.Treatment), ct);
                if (invalid is not null)
                {
                    return invalid.ToProblem();
                }

                body.Position = 0;
                var ids = new ExchangeIds(header!.ProjectId, Guid.CreateVersion7(), header.ExportedBy, importer.AccountId, Guid.CreateVersion7);
                if (await ReplayAsync(body, treatments, ids, importer, store, clock, ct) is { } refused)
                {
                    return refused.ToProblem();
                }

                await using var session = store.QuerySession();
                var project = await session.LoadAsync<Project>(ids.NewProjectId, ct);
                return TypedResults.Created($"/api/projects/{ids.NewProjectId}", ProjectView.Of(project!, importer));
            })
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(maxBytes))
            .Accepts<string>(ExchangeFile.MediaType)
            .WithName("ImportProject")
            .WithSummary(
                "Makes a new project, owned by the caller, from a project export (the body: the JSON lines GET …/export answers). " +
                "Every id is new; members are not carried over. The file is checked whole first: nothing is made from a damaged, " +
                "altered or newer-format file.")
            .Produces<ProjectView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<DomainError?> ReplayAsync(
        Stream body,
        IReadOnlyDictionary<string, (Type Type, ImportTreatment Treatment)> treatments,
        ExchangeIds ids,
        Actor importer,
        IDocumentStore store,
        TimeProvider clock,
        CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var options = Marten.Services.SessionOptions.ForTransaction(transaction);
        options.Timeout = SaveTimeoutSeconds;
        await using var session = store.LightweightSession(options);
        var appender = new Appender(session);
        var lineNumber = 0;
        try
        {
            await foreach (var line in ExchangeReader.LinesAsync(body, ct))
            {
                lineNumber++;
                if (lineNumber == 1)
                {
                    continue;
                }

                var json = JsonNode.Parse(line)!.AsObject();
                if (json.ContainsKey("checksum"))
                {
                    break;
                }

                var (type, treatment) = treatments[json["type"]!.GetValue<string>()];
                if (treatment == ImportTreatment.Skip)
                {
                    continue;
                }

                var data = ids.Remap(json["data"]!.AsObject());
                if (treatment == ImportTreatment.ReplayAsImporter)
                {
                    data["actor"] = new JsonObject { ["accountId"] = importer.AccountId.ToString() };
                }

                var @event = data.Deserialize(type, EventJson)!;
                await appender.AddAsync(ids.Entity(json["streamId"]!.GetValue<Guid>()), @event, line.Length, ct);
            }

            await appender.SaveAsync(ct);
            await ImportedVersion.StoreAsync(session, ids.NewProjectId, clock.GetUtcNow(), ct);
            await session.SaveChangesAsync(ct);
        }
        catch (JsonException e)
        {
            return DomainError.Invalid($"{ExchangeReader.Refused}/MALFORMED_EVENT", $"The event on line {lineNumber} does not have the shape of its type: {e.Message}");
        }
        catch (Exception e) when (RefusedByStore(e))
        {
            return DomainError.Invalid(
                $"{ExchangeReader.Refused}/INCONSISTENT_HISTORY",
                $"The events up to line {lineNumber} could not be replayed (they contradict each other, e.g. two sources of one name). Nothing was imported.");
        }

        await transaction.CommitAsync(ct);
        return null;
    }

    private static bool RefusedByStore(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends events in order, saving whenever a stream returns after another so that sequences follow the file.</summary>
    private sealed class Appender(IDocumentSession session)
    {
        private readonly Dictionary<Guid, long> _versions = [];
        private readonly HashSet<Guid> _pending = [];
        private Guid? _current;
        private long _pendingBytes;

        public async Task AddAsync(Guid streamId, object @event, long size, CancellationToken ct)
        {
            if ((streamId != _current && _pending.Contains(streamId)) || _pendingBytes > MaxPendingBytes)
            {
                await SaveAsync(ct);
            }

            // Starting (not appending to) each stream makes the store refuse one that already exists. Later appends name
            // the version they bring the stream to, as a command's do, so the inline snapshots get their versions.
            var version = _versions[streamId] = _versions.GetValueOrDefault(streamId) + 1;
            if (version == 1)
            {
                session.Events.StartStream(streamId, @event);
            }
            else
            {
                session.Events.Append(streamId, version, @event);
            }

            _pending.Add(streamId);
            _current = streamId;
            _pendingBytes += size;
        }

        public async Task SaveAsync(CancellationToken ct)
        {
            await session.SaveChangesAsync(ct);
            _pending.Clear();
            _current = null;
            _pendingBytes = 0;
        }
    }
}
