using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace QualCoder.Server.Tests.Infrastructure;

/// <summary>
/// The real server (Program, on Kestrel) on a database of its own, one per test class. Tests call <see cref="ResetAsync"/>
/// first, so each starts from an empty store.
/// </summary>
public class QualCoderApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _database = $"qc_{Guid.NewGuid():N}";
    private PostgresServer? _server;
    private string? _connectionString;

    /// <summary>The server's clock; tests move it to see expiry.</summary>
    public ShiftedClock Clock { get; } = new();

    /// <summary>Extra configuration a test class needs, e.g. closed registration.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        _connectionString = await _server.CreateDatabaseAsync(_database);
        // Real Kestrel on a free loopback port: requests cross a socket and meet the production server's limits.
        UseKestrel(0);
        StartServer();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(_database);
        }
    }

    /// <summary>
    /// Empties the store. Background writers of the previous test (a version closing on schedule) can deadlock with the
    /// truncation; PostgreSQL then cancels one side, and emptying again succeeds.
    /// </summary>
    public async Task ResetAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Services.ResetAllMartenDataAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                // The other side has finished or been cancelled by now: go again.
            }
        }
    }

    /// <summary>
    /// Stops this server and starts another of the same kind on the same database, as a restart does. This fixture
    /// keeps the database (and drops it at the end); the caller disposes the new server.
    /// </summary>
    public async Task<QualCoderApp> RestartAsync()
    {
        await base.DisposeAsync();
        var next = (QualCoderApp)Activator.CreateInstance(GetType())!;
        next._connectionString = _connectionString;
        next.UseKestrel(0);
        next.StartServer();
        return next;
    }

    /// <summary>A client with its own cookie jar: one per person in a scenario.</summary>
    public ApiClient NewClient() => new(CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = BaseAddress,
        HandleCookies = true,
        AllowAutoRedirect = false,
    }));

    /// <summary>Where Kestrel listens.</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Postgres", _connectionString);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Strong hashing is the server's job in production; in tests it only costs time.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
        });
    }
}
