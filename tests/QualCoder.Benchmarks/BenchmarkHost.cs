using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QualCoder.Benchmarks;

/// <summary>The real server on Kestrel (loopback) against the benchmark's own database.</summary>
internal sealed class BenchmarkHost(string connectionString) : WebApplicationFactory<Program>
{
    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // A console program has no test manifest telling the factory where the server project is.
        builder.UseSolutionRelativeContentRoot("src/QualCoder.Server", AppContext.BaseDirectory, "QualCoder.Web.sln");
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Postgres", connectionString);
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }
}
