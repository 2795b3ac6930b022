using Npgsql;

namespace QualCoder.Benchmarks;

/// <summary>
/// The baseline: what PostgreSQL does with plain Npgsql and rows of the same JSON size, no event store, no HTTP.
/// </summary>
internal sealed class RawInserts(string connectionString, string payload)
{
    private const string Insert = "insert into bench_raw (id, data) values ($1, $2::jsonb)";

    public async Task CreateTableAsync()
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand("create table if not exists bench_raw (id uuid primary key, data jsonb not null)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Single-row autocommit inserts from <paramref name="connections"/> connections for <paramref name="duration"/>.</summary>
    public async Task<long> InsertForAsync(int connections, TimeSpan duration)
    {
        var until = DateTime.UtcNow + duration;
        var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var connection = await Open();
            long count = 0;
            while (DateTime.UtcNow < until)
            {
                await using var command = new NpgsqlCommand(Insert, connection) { Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = payload } } };
                await command.ExecuteNonQueryAsync();
                count++;
            }

            return count;
        }));
        return counts.Sum();
    }

    /// <summary>Inserts <paramref name="rows"/> rows one statement at a time inside one transaction.</summary>
    public async Task InsertInOneTransactionAsync(int rows)
    {
        await using var connection = await Open();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < rows; i++)
        {
            await using var command = new NpgsqlCommand(Insert, connection, transaction) { Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = payload } } };
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task<NpgsqlConnection> Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
