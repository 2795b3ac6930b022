namespace QualCoder.Server.Features.Agents;

/// <summary>
/// DNS-rebinding protection for /mcp: a browser page on another site (or on a name rebound to this machine) sends
/// its own Origin, so a request carrying an Origin whose host is not allowed is refused. Agents send no Origin.
/// Configured as <c>QualCoder:Mcp:AllowedOrigins</c> (host names, or host:port); by default this machine's own names.
/// </summary>
public sealed record AllowedOrigins(IReadOnlyList<string> Hosts)
{
    public const string Section = "QualCoder:Mcp:AllowedOrigins";

    public static AllowedOrigins From(IConfiguration configuration) =>
        new(configuration.GetSection(Section).Get<string[]>() is { Length: > 0 } hosts ? hosts : ["localhost", "127.0.0.1", "[::1]"]);

    public bool Allow(string? origin) => Allow(origin, Hosts);

    /// <summary>No Origin at all (a non-browser client) is allowed; otherwise its host, or host:port, must be listed.</summary>
    public static bool Allow(string? origin, IReadOnlyCollection<string> hosts)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;
        return hosts.Any(allowed =>
            string.Equals(allowed, host, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(allowed, $"{host}:{uri.Port}", StringComparison.OrdinalIgnoreCase));
    }
}
