using System.Data;
using System.Text;
using Marten;
using Npgsql;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.ProjectExchange;

/// <summary>
/// Streams a project's complete event history as an <see cref="ExchangeFile"/>, straight from the events table: a
/// project's events are those whose data names it, whichever stream they are in (as the live channel's catch-up finds
/// them). Rows are read one at a time, so a project of many large transcripts never sits in memory; the count and
/// the rows come from one snapshot, so a change committed meanwhile cannot make the header lie.
/// Owners only: the file holds everything ever in the project, the text of deleted sources and the work of former
/// members included, and it makes a copy outside the project's membership, which is the owner's decision as
/// deleting the project is.
/// </summary>
public static class ExportProject
{
    private const string Refused = "PROJECT_NOT_EXPORTED";

    internal static void Map(RouteGroupBuilder projects) => projects
        .MapGet("/{projectId:guid}/export", async (Guid projectId, HttpContext http, IQuerySession session, TimeProvider clock, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var project = await session.LoadAsync<Project>(projectId, ct);
            if (ProjectAccess.Require(project, actor, ProjectRole.Owner, Refused) is { } denied)
            {
                return denied.ToProblem();
            }

            var header = new ExchangeHeader(ExchangeFile.Format, ExchangeFile.Version, projectId, project!.Name, clock.GetUtcNow(), actor.AccountId, 0);
            return TypedResults.Stream(
                body => WriteAsync(body, header, session.DocumentStore, ct),
                ExchangeFile.MediaType,
                ExchangeFile.FileNameFor(project.Name));
        })
        .WithName("ExportProject")
        .WithSummary(
            "The project's complete event history as JSON lines (owners only): a header, one line per event in commit order, and a " +
            "SHA-256 checksum line. POST it to /api/projects/import on any server to make a copy there.")
        .Produces(StatusCodes.Status200OK, contentType: ExchangeFile.MediaType)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task WriteAsync(Stream body, ExchangeHeader header, IDocumentStore store, CancellationToken ct)
    {
        var events = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);

        await using var counting = new NpgsqlCommand($"select count(*) from {events} where data ->> 'projectId' = $1", connection, snapshot)
        {
            Parameters = { new() { Value = header.ProjectId.ToString() } },
        };
        var count = (long)(await counting.ExecuteScalarAsync(ct))!;

        using var checksum = new ExchangeFile.Checksum();
        await WriteLineAsync(body, checksum, ExchangeFile.Line(header with { EventCount = count }), ct);

        await using var rows = new NpgsqlCommand(
            $"""
             select json_build_object('sequence', seq_id, 'streamId', stream_id, 'type', type, 'timestamp', timestamp, 'data', data)::text
             from {events}
             where data ->> 'projectId' = $1
             order by seq_id
             """,
            connection,
            snapshot)
        {
            Parameters = { new() { Value = header.ProjectId.ToString() } },
        };
        await using var reader = await rows.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            var line = reader.GetString(0);
            var bytes = new byte[Encoding.UTF8.GetByteCount(line) + 1];
            Encoding.UTF8.GetBytes(line, bytes);
            bytes[^1] = (byte)'\n';
            await WriteLineAsync(body, checksum, bytes, ct);
        }

        await body.WriteAsync(ExchangeFile.Line(new ExchangeTrailer(checksum.Finish(), count)), ct);
    }

    private static async Task WriteLineAsync(Stream body, ExchangeFile.Checksum checksum, byte[] line, CancellationToken ct)
    {
        checksum.Add(line);
        await body.WriteAsync(line, ct);
    }
}
