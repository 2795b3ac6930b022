using System.Diagnostics;
using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace QualCoder.Server.Tests.Infrastructure;

/// <summary>
/// The one PostgreSQL server a test run uses, found in this order: a connection string in
/// QUALCODER_TEST_POSTGRES; a container when a Docker engine answers; otherwise a throwaway server started with
/// infra/postgres.sh from the Debian packages. Each test class then gets a database of its own on it.
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionStringVariable = "QUALCODER_TEST_POSTGRES";

    // xunit 2 has no assembly-wide fixture; every test class shares this one server, started at most once.
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } given)
        {
            return new PostgresServer(AsAdmin(given));
        }

        return await TryContainerAsync() ?? await StartLocalAsync();
    }

    private static async Task<PostgresServer?> TryContainerAsync()
    {
        PostgreSqlContainer container;
        try
        {
            container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }

        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(AsAdmin(container.GetConnectionString()));
    }

    private static async Task<PostgresServer> StartLocalAsync()
    {
        var server = await OwnServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return new PostgresServer(AsAdmin(server.ConnectionString));
    }

    /// <summary>
    /// A throwaway local server (infra/postgres.sh) that its owner may stop and start again, e.g. to see the app lose
    /// its database and recover; always local, whatever the shared server is. It restarts on the port it had.
    /// </summary>
    public sealed class OwnServer : IAsyncDisposable
    {
        private readonly string _script = Path.Combine(RepositoryRoot(), "infra", "postgres.sh");
        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"qualcoder-web-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);

        private OwnServer()
        {
        }

        /// <summary>Its database "qualcoder", as the superuser.</summary>
        public string ConnectionString { get; private set; } = "";

        public static async Task<OwnServer> StartAsync()
        {
            var server = new OwnServer();
            await server.StartAgainAsync();
            return server;
        }

        public async Task StartAgainAsync()
        {
            var output = await RunAsync(_script, "start", "--dir", _folder, "--fast");
            ConnectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        }

        public Task StopAsync() => RunAsync(_script, "stop", "--dir", _folder);

        public async ValueTask DisposeAsync() => await RunAsync(_script, "stop", "--dir", _folder, "--remove");
    }

    private static string AsAdmin(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString;

    private static async Task<string> RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"{script} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}");
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QualCoder.Web.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (QualCoder.Web.sln) above " + AppContext.BaseDirectory);
    }
}
