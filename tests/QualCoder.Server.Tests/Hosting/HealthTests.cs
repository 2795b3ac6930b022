using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>
/// Readiness follows PostgreSQL: it drops when the database stops, and comes back by itself when the database does,
/// while liveness stays up throughout. The app runs on a PostgreSQL of its own, so stopping it touches no other test.
/// </summary>
public sealed class HealthTests(HealthTests.OwnDatabaseApp app) : IntegrationTest<HealthTests.OwnDatabaseApp>(app)
{
    [Fact]
    public async Task ready_follows_the_database_and_live_stays_up()
    {
        var probe = Anonymous();
        Assert.Equal(HttpStatusCode.OK, await Status(probe, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await Status(probe, "/health/live"));

        await App.Database.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Status(probe, "/health/ready"));
        Assert.Equal(HttpStatusCode.OK, await Status(probe, "/health/live"));

        await App.Database.StartAgainAsync();
        Assert.Equal(HttpStatusCode.OK, await ReadyWithin(probe, TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.OK, await Status(probe, "/health/live"));
    }

    [Fact]
    public async Task a_head_request_probes_without_a_body()
    {
        using var response = await Anonymous().Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/ready"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The first request after a restart may meet a pooled connection to the old server; the next one opens a new.</summary>
    private static async Task<HttpStatusCode> ReadyWithin(ApiClient probe, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        var status = await Status(probe, "/health/ready");
        while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = await Status(probe, "/health/ready");
        }

        return status;
    }

    /// <summary>The probes answer plain text ("Healthy"), not JSON.</summary>
    private static async Task<HttpStatusCode> Status(ApiClient probe, string path)
    {
        using var response = await probe.Http.GetAsync(path);
        return response.StatusCode;
    }

    public sealed class OwnDatabaseApp : QualCoderApp
    {
        private PostgresServer.OwnServer? _server;

        public PostgresServer.OwnServer Database => _server ?? throw new InvalidOperationException("Not started.");

        protected override async Task<string> OpenDatabaseAsync()
        {
            _server = await PostgresServer.OwnServer.StartAsync();
            return _server.ConnectionString;
        }

        protected override async Task CloseDatabaseAsync()
        {
            if (_server is not null)
            {
                await _server.DisposeAsync();
            }
        }
    }
}
