using System.Net;
using Microsoft.Extensions.Options;
using Npgsql;

namespace QualCoder.Server.Hosting;

/// <summary>
/// The settings a self-hosted server is given through environment variables (or any other configuration source),
/// read and checked once. Each problem names the environment variable to fix, so a wrong value stops the server at
/// start with a sentence an administrator can act on instead of failing later on a request.
/// </summary>
public sealed class ServerSettings
{
    public const string PublicUrlKey = "QualCoder:PublicUrl";
    public const string TrustedProxiesKey = "QualCoder:TrustedProxies";
    public const string AllowedHostsKey = "AllowedHosts";
    public const string LogLevelKey = "Logging:LogLevel:Default";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string RegistrationOpenKey = "QualCoder:Registration:Open";
    private const string MaxUploadBytesKey = "QualCoder:MaxUploadBytes";
    private const string MaxImportBytesKey = "QualCoder:MaxImportBytes";
    private const string MaxRequestBodyBytesKey = "QualCoder:MaxRequestBodyBytes";
    private const string SingleNodeKey = "QualCoder:SingleNode";

    public string ConnectionString { get; private set; } = "";

    /// <summary>Where people reach the server (behind a proxy, the proxy's address); null when not given.</summary>
    public Uri? PublicUrl { get; private set; }

    /// <summary>Proxies whose X-Forwarded-* headers are believed, besides loopback.</summary>
    public IReadOnlyList<IPAddress> TrustedProxies { get; private set; } = [];

    public IReadOnlyList<System.Net.IPNetwork> TrustedNetworks { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The environment variable that sets a configuration key (ASP.NET Core reads "__" as ":").</summary>
    public static string Variable(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    public static ServerSettings Read(IConfiguration configuration)
    {
        var settings = new ServerSettings();
        var problems = new List<string>();
        settings.ConnectionString = ReadConnectionString(configuration, problems);
        settings.PublicUrl = ReadUrl(configuration, PublicUrlKey, problems);
        // Only checked: the OpenTelemetry exporter reads it (and the other OTEL_* variables) itself.
        ReadUrl(configuration, OtlpEndpointKey, problems);
        ReadAllowedHosts(configuration, settings.PublicUrl, problems);
        ReadProxies(configuration, settings, problems);
        Check<bool>(configuration, RegistrationOpenKey, bool.TryParse, _ => true, "true or false", problems);
        Check<bool>(configuration, SingleNodeKey, bool.TryParse, _ => true, "true or false", problems);
        Check<long>(configuration, MaxUploadBytesKey, long.TryParse, n => n > 0, "a positive number of bytes", problems);
        Check<long>(configuration, MaxImportBytesKey, long.TryParse, n => n > 0, "a positive number of bytes", problems);
        Check<long>(configuration, MaxRequestBodyBytesKey, long.TryParse, n => n > 0, "a positive number of bytes", problems);
        Check<LogLevel>(configuration, LogLevelKey, (string s, out LogLevel level) => Enum.TryParse(s, ignoreCase: true, out level),
            level => Enum.IsDefined(level), $"one of {string.Join(", ", Enum.GetNames<LogLevel>())}", problems);
        settings.Problems = problems;
        return settings;
    }

    internal void CopyFrom(ServerSettings read)
    {
        ConnectionString = read.ConnectionString;
        PublicUrl = read.PublicUrl;
        TrustedProxies = read.TrustedProxies;
        TrustedNetworks = read.TrustedNetworks;
        Problems = read.Problems;
    }

    internal sealed class Validation : IValidateOptions<ServerSettings>
    {
        public ValidateOptionsResult Validate(string? name, ServerSettings options) =>
            options.Problems.Count > 0 ? ValidateOptionsResult.Fail(options.Problems) : ValidateOptionsResult.Success;
    }

    private delegate bool Parser<T>(string text, out T value);

    private static void Check<T>(IConfiguration configuration, string key, Parser<T> parse, Func<T, bool> valid, string expected, List<string> problems)
    {
        if (configuration[key] is { } text && !(parse(text.Trim(), out var value) && valid(value)))
        {
            problems.Add($"{Variable(key)} must be {expected}, not '{text}'.");
        }
    }

    private static string ReadConnectionString(IConfiguration configuration, List<string> problems)
    {
        var variable = Variable($"ConnectionStrings:{EventStore.ConnectionStringName}");
        var text = configuration.GetConnectionString(EventStore.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{variable} is not set: give the PostgreSQL connection string, for example " +
                "Host=db;Port=5432;Database=qualcoder;Username=qualcoder;Password=... (infra/run.sh starts a local PostgreSQL and sets it for you).");
            return "";
        }

        try
        {
            if (string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(text).Host))
            {
                problems.Add($"{variable} names no Host: give the PostgreSQL server, for example Host=db;Database=qualcoder;Username=...;Password=...");
            }
        }
        catch (ArgumentException e)
        {
            // The message quotes the part it could not read, never the whole string: that would print the password.
            problems.Add($"{variable} is not a valid PostgreSQL connection string: {e.Message}");
        }

        return text;
    }

    private static Uri? ReadUrl(IConfiguration configuration, string key, List<string> problems)
    {
        if (configuration[key] is not { Length: > 0 } text)
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        problems.Add($"{Variable(key)} must be an absolute http:// or https:// URL, not '{text}'.");
        return null;
    }

    /// <summary>The public URL's host must pass the Host filter, or every request through it would get 400.</summary>
    private static void ReadAllowedHosts(IConfiguration configuration, Uri? publicUrl, List<string> problems)
    {
        var hosts = (configuration[AllowedHostsKey] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0)
        {
            problems.Add($"{AllowedHostsKey} is empty: give the host names the server answers to, separated by ';' (or * for any).");
            return;
        }

        if (publicUrl is not null && !hosts.Any(allowed => allowed == "*" ||
                string.Equals(allowed, publicUrl.IdnHost, StringComparison.OrdinalIgnoreCase) ||
                (allowed.StartsWith("*.", StringComparison.Ordinal) && publicUrl.IdnHost.EndsWith(allowed[1..], StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"{AllowedHostsKey} ('{configuration[AllowedHostsKey]}') does not allow the host of {Variable(PublicUrlKey)} ({publicUrl.IdnHost}).");
        }
    }

    private static void ReadProxies(IConfiguration configuration, ServerSettings settings, List<string> problems)
    {
        var proxies = new List<IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (configuration[TrustedProxiesKey] ?? "").Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                proxies.Add(address);
            }
            else
            {
                problems.Add($"{Variable(TrustedProxiesKey)} must list IP addresses or networks (10.0.0.0/8), separated by ';', and '{entry}' is neither.");
            }
        }

        settings.TrustedProxies = proxies;
        settings.TrustedNetworks = networks;
    }
}

public static class ServerSettingsSetup
{
    /// <summary>
    /// Checks the settings now, while the app is being built: some are read when routes are mapped, which comes
    /// before the host's own start-up validation. The same check runs again at start (ValidateOnStart), so
    /// configuration a test host adds later is checked as well.
    /// </summary>
    public static WebApplicationBuilder AddServerSettings(this WebApplicationBuilder builder)
    {
        var early = ServerSettings.Read(builder.Configuration);
        if (early.Problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(ServerSettings), typeof(ServerSettings), early.Problems);
        }

        builder.Services.AddSingleton<IValidateOptions<ServerSettings>, ServerSettings.Validation>();
        builder.Services.AddOptions<ServerSettings>().ValidateOnStart();
        builder.Services.AddSingleton<IConfigureOptions<ServerSettings>>(services =>
            new ConfigureOptions<ServerSettings>(settings => settings.CopyFrom(ServerSettings.Read(services.GetRequiredService<IConfiguration>()))));
        return builder;
    }
}
