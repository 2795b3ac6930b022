using Microsoft.Extensions.Configuration;
using QualCoder.Server.Hosting;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>A wrong or missing setting stops the server at start, with a message naming the variable to fix.</summary>
public sealed class ServerSettingsTests
{
    private const string Database = "Host=127.0.0.1;Database=qualcoder;Username=qualcoder;Password=secret";

    private static ServerSettings Read(params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = Database };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        return ServerSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }

    [Fact]
    public void the_defaults_and_good_values_pass()
    {
        var settings = Read(
            ("QualCoder:PublicUrl", "https://qda.example.org"), ("AllowedHosts", "qda.example.org;localhost"),
            ("QualCoder:TrustedProxies", "10.0.0.5; 172.16.0.0/12"), ("QualCoder:Registration:Open", "false"),
            ("QualCoder:MaxUploadBytes", "1000"), ("Logging:LogLevel:Default", "Warning"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"));

        Assert.Empty(settings.Problems);
        Assert.Equal(new Uri("https://qda.example.org"), settings.PublicUrl);
        Assert.Single(settings.TrustedProxies);
        Assert.Single(settings.TrustedNetworks);
    }

    [Theory]
    [InlineData("QualCoder:PublicUrl", "qda.example.org", "QualCoder__PublicUrl")]
    [InlineData("QualCoder:PublicUrl", "ftp://qda.example.org", "QualCoder__PublicUrl")]
    [InlineData("QualCoder:Registration:Open", "perhaps", "QualCoder__Registration__Open")]
    [InlineData("QualCoder:MaxUploadBytes", "50MB", "QualCoder__MaxUploadBytes")]
    [InlineData("QualCoder:MaxUploadBytes", "0", "QualCoder__MaxUploadBytes")]
    [InlineData("QualCoder:MaxImportBytes", "1GB", "QualCoder__MaxImportBytes")]
    [InlineData("QualCoder:MaxRequestBodyBytes", "-1", "QualCoder__MaxRequestBodyBytes")]
    [InlineData("QualCoder:TrustedProxies", "10.0.0.1;proxy.local", "QualCoder__TrustedProxies")]
    [InlineData("Logging:LogLevel:Default", "Loud", "Logging__LogLevel__Default")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4317", "OTEL_EXPORTER_OTLP_ENDPOINT")]
    [InlineData("ConnectionStrings:Postgres", "", "ConnectionStrings__Postgres")]
    [InlineData("ConnectionStrings:Postgres", "Database=qualcoder", "ConnectionStrings__Postgres")]
    [InlineData("ConnectionStrings:Postgres", "Hots=db", "ConnectionStrings__Postgres")]
    public void a_bad_value_is_named_by_its_variable(string key, string value, string variable)
    {
        var problem = Assert.Single(Read((key, value)).Problems);

        Assert.StartsWith(variable, problem);
    }

    [Fact]
    public void the_public_url_must_be_an_allowed_host()
    {
        var problem = Assert.Single(Read(("QualCoder:PublicUrl", "https://qda.example.org"), ("AllowedHosts", "localhost")).Problems);

        Assert.Contains("AllowedHosts", problem);
        Assert.Contains("QualCoder__PublicUrl", problem);
    }

    [Fact]
    public void a_bad_connection_string_is_reported_without_its_password()
    {
        var problem = Assert.Single(Read(("ConnectionStrings:Postgres", "Host=db;Password=hunter2;Bogus Key=1")).Problems);

        Assert.DoesNotContain("hunter2", problem);
    }

    [Fact]
    public async Task the_server_stops_at_start_and_says_which_variables_are_wrong()
    {
        await using var server = ServerProcess.Start(ServerProcess.BuiltAssembly, new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_HTTP_PORTS"] = ServerProcess.FreePort().ToString(),
            ["QualCoder__MaxUploadBytes"] = "lots",
        });

        Assert.True(await server.ExitsWithin(TimeSpan.FromSeconds(60)), "The server kept running:\n" + server.Output);
        Assert.NotEqual(0, server.ExitCode);
        Assert.Contains("ConnectionStrings__Postgres is not set", server.Output);
        Assert.Contains("QualCoder__MaxUploadBytes must be a positive number of bytes, not 'lots'", server.Output);
    }
}
