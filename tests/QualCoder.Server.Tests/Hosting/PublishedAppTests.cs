using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Npgsql;
using QualCoder.Server.Hosting;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>
/// What `docker compose up` runs, without Docker: the server published as the Dockerfile's build stage publishes it
/// (handler code written by `codegen write`, compiled in, loaded statically), started with exactly the environment
/// docker-compose.yml and the image give it (the database host swapped for a throwaway local one), then used over
/// HTTP: ready, register, create a project, add a source, code it.
/// </summary>
public sealed class PublishedAppTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"qualcoder-published-{Guid.NewGuid():N}");
    private readonly string _database = $"qc_{Guid.NewGuid():N}";
    private PostgresServer? _server;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DropDatabaseAsync(_database);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task the_published_app_runs_with_the_compose_environment_and_codes_a_source()
    {
        var app = await PublishAsync();
        Assert.True(HasPregeneratedHandlerCode(app), "The published server would compile its handler code at run time.");

        var files = DeploymentFiles.Read();
        var environment = files.AppEnvironment();
        _server = await PostgresServer.GetAsync();
        var local = new NpgsqlConnectionStringBuilder(await _server.CreateDatabaseAsync(_database));
        environment["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Postgres"])
        {
            Host = local.Host, Port = local.Port, Database = local.Database, Username = local.Username, Password = local.Password,
        }.ConnectionString;
        var port = ServerProcess.FreePort();
        environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();

        await using var server = ServerProcess.Start(app, environment);
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilReady(http, server);
        Assert.Equal(0, await RunAsync("bash", [Path.Combine(files.Root, "infra", "healthcheck.sh")], new() { ["ASPNETCORE_HTTP_PORTS"] = port.ToString() }));

        await Created(http, "/api/accounts", new { email = "ada@example.org", displayName = "Ada", password = "a long passphrase" });
        var projectId = await Created(http, "/api/projects", new { name = "Interviews" });
        var sourceId = await Created(http, $"/api/projects/{projectId}/sources", new { name = "Interview 1", content = "I was afraid of the dark." });
        var codeId = await Created(http, $"/api/projects/{projectId}/codes", new { name = "Fear", color = "#336699" });
        await Created(http, $"/api/projects/{projectId}/segments", new { sourceId, codeId, start = 6, end = 12 });

        var segments = await http.GetFromJsonAsync<JsonElement>($"/api/projects/{projectId}/sources/{sourceId}/segments");
        Assert.Equal(codeId, Assert.Single(segments.EnumerateArray()).GetProperty("codeId").GetGuid());
        // Production logs one JSON object per line, for a log collector.
        var lines = server.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("LogLevel", out _), line));
    }

    /// <summary>
    /// The Dockerfile's build stage on a copy of what its build context holds: restore locked, `codegen write` by the
    /// built server (here the build the tests already run against), publish in Release with that code compiled in.
    /// </summary>
    private async Task<string> PublishAsync()
    {
        var root = PostgresServer.RepositoryRoot();
        var context = Path.Combine(_folder, "context");
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            Directory.CreateDirectory(context);
            File.Copy(Path.Combine(root, file), Path.Combine(context, file));
        }

        var project = Path.Combine(context, "src", "QualCoder.Server");
        CopySources(Path.Combine(root, "src", "QualCoder.Server"), project);

        Assert.Equal(0, await RunAsync("dotnet", [ServerProcess.BuiltAssembly, "codegen", "write"], new() { ["ConnectionStrings__Postgres"] = "Host=codegen" }, project));
        var output = Path.Combine(_folder, "app");
        Assert.Equal(0, await RunAsync("dotnet", ["publish", project, "-c", "Release", "-p:RestoreLockedMode=true", "-p:PregeneratedHandlerCode=true",
            "-o", output, "-nologo", "-v", "q", "-nodeReuse:false"], []));
        return Path.Combine(output, "QualCoder.Server.dll");
    }

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj" or "Internal")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    /// <summary>Read without running it: a load context of its own, thrown away after.</summary>
    private static bool HasPregeneratedHandlerCode(string assembly)
    {
        var context = new AssemblyLoadContext("published", isCollectible: true);
        try
        {
            return context.LoadFromAssemblyPath(assembly).GetCustomAttributesData().Any(a =>
                a.AttributeType.FullName == typeof(AssemblyMetadataAttribute).FullName &&
                (string?)a.ConstructorArguments[0].Value == HandlerCode.MetadataKey && (string?)a.ConstructorArguments[1].Value == "true");
        }
        finally
        {
            context.Unload();
        }
    }

    private static async Task WaitUntilReady(HttpClient http, ServerProcess server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.False(server.HasExited, "The server stopped:\n" + server.Output);
            Assert.True(DateTime.UtcNow < deadline, "Not ready within 60 s:\n" + server.Output);
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }
    }

    private static async Task<Guid> Created(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<int> RunAsync(string program, string[] arguments, Dictionary<string, string> environment, string? folder = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder ?? "" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await errors}");
        }

        return process.ExitCode;
    }
}
