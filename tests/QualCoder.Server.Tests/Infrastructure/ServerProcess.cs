using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QualCoder.Server.Tests.Infrastructure;

/// <summary>
/// The server as an operator runs it: `dotnet QualCoder.Server.dll` in its own process, with only the environment
/// given here (nothing of the test run's own leaks in), its output collected.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process) => _process = process;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The server built next to the tests (the test project references it).</summary>
    public static string BuiltAssembly => Path.Combine(AppContext.BaseDirectory, "QualCoder.Server.dll");

    public static ServerProcess Start(string assembly, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        foreach (var key in start.Environment.Keys.Where(IsServerSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(new Process { StartInfo = start });
        server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>True when it exited within <paramref name="timeout"/>; its output is then complete.</summary>
    public async Task<bool> ExitsWithin(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Anything the test run's own environment could hand the server.</summary>
    private static bool IsServerSetting(string key) =>
        key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase) || key.StartsWith("QualCoder__", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("AllowedHosts", StringComparison.OrdinalIgnoreCase);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
