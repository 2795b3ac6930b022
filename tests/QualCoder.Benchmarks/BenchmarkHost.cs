using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QualCoder.Benchmarks;

/// <summary>The real server on Kestrel (loopback) against the benchmark's own database, with or without version history.</summary>
internal sealed class BenchmarkHost(string connectionString, bool history = true) : WebApplicationFactory<Program>
{
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    /// <summary>
    /// Waits until the server's background work on what it was sent is done (subscriptions caught up, the last
    /// version closed), so it does not fall into another server's measurement.
    /// </summary>
    public async Task SettleAsync()
    {
        await Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A console program has no test manifest telling the factory where the server project is.
        builder.UseSolutionRelativeContentRoot("src/QualCoder.Server", AppContext.BaseDirectory, "QualCoder.Web.sln");
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.UseSetting("QualCoder:History:Enabled", history ? "true" : "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
