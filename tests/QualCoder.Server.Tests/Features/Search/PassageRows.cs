using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QualCoder.Server.Features.Search;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Search;

/// <summary>Looks at the passage table directly, or empties it as if the sources had been added before search existed.</summary>
internal static class PassageRows
{
    private const string Table = $"qualcoder.{SourcePassages.TableName}";

    public static async Task<long> CountAsync(QualCoderApp app, Guid? sourceId = null) => (long)(await ScalarAsync(
        app,
        $"select count(*) from {Table} where $1::uuid is null or source_id = $1",
        new NpgsqlParameter { Value = (object?)sourceId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid }))!;

    public static Task DeleteAllAsync(QualCoderApp app) => ScalarAsync(app, $"delete from {Table}");

    public static async Task<object?> ScalarAsync(QualCoderApp app, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.Services.GetRequiredService<IConfiguration>().GetConnectionString("Postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteScalarAsync();
    }
}
