using System.Diagnostics;
using Npgsql;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>
/// No Docker engine runs in CI, so the Dockerfile and docker-compose.yml are checked as files: what `docker compose up`
/// needs on a fresh host is there. <see cref="PublishedAppTests"/> then runs the app with the environment they give it.
/// </summary>
public sealed class DeploymentFilesTests
{
    private readonly DeploymentFiles _files = DeploymentFiles.Read();

    [Fact]
    public void the_image_builds_in_stages_and_runs_only_the_runtime_as_a_non_root_user()
    {
        var stages = _files.Stages;
        Assert.Equal(["web", "build", "final"], stages.Select(s => s.Name));
        Assert.StartsWith("node:", stages[0].Image);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", stages[1].Image);

        var build = stages[1];
        Assert.Contains(build.Arguments("RUN"), run => run.Contains("--locked-mode"));
        Assert.Contains(build.Arguments("RUN"), run => run.Contains("codegen write") && run.Contains("-p:PregeneratedHandlerCode=true") && run.Contains("-c Release"));

        var final = stages[^1];
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", final.Image);
        Assert.All(final.Arguments("COPY").Where(c => c.StartsWith("--from=", StringComparison.Ordinal)),
            copy => Assert.Matches("^--from=(build /app|web /web/dist) ", copy));
        Assert.DoesNotContain(final.Arguments("COPY"), copy => copy.Contains("tests/") || copy.Contains(" src/"));
        var user = Assert.Single(final.Arguments("USER"));
        Assert.DoesNotMatch("^(root|0)(:|$)", user);
        Assert.Equal("8765", Assert.Single(final.Arguments("EXPOSE")));
        Assert.Equal("8765", final.Environment["ASPNETCORE_HTTP_PORTS"]);
        Assert.Equal("Production", final.Environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.Contains("qualcoder-healthcheck", Assert.Single(final.Arguments("HEALTHCHECK")));
        Assert.Contains(final.Arguments("COPY"), copy => copy == "infra/healthcheck.sh /usr/local/bin/qualcoder-healthcheck");
    }

    [Fact]
    public void the_build_context_leaves_out_what_the_image_must_not_hold()
    {
        var ignored = File.ReadAllLines(Path.Combine(_files.Root, ".dockerignore"));

        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/node_modules/", ignored);
        Assert.Contains("tests/", ignored);
        Assert.Contains(".env", ignored);
    }

    [Fact]
    public void postgres_is_pinned_kept_in_a_volume_and_checked_before_the_app_starts()
    {
        var db = _files.Service("db");
        Assert.Matches(@"^postgres:\d+$", (string)db["image"]);
        Assert.Contains("pgdata:/var/lib/postgresql/data", DeploymentFiles.List(db, "volumes").Cast<string>());
        Assert.True(DeploymentFiles.Map(_files.Compose, "volumes").ContainsKey("pgdata"));
        Assert.Contains("pg_isready", string.Join(' ', DeploymentFiles.List(DeploymentFiles.Map(db, "healthcheck"), "test").Cast<string>()));
        Assert.Equal("unless-stopped", db["restart"]);
        Assert.Contains("${POSTGRES_PASSWORD:?", (string)DeploymentFiles.Map(db, "environment")["POSTGRES_PASSWORD"]);

        var app = _files.Service("app");
        Assert.Equal(".", app["build"]);
        Assert.Equal("service_healthy", DeploymentFiles.Map(DeploymentFiles.Map(app, "depends_on"), "db")["condition"]);
        Assert.Equal("unless-stopped", app["restart"]);
        Assert.Contains("${QUALCODER_PORT:-8765}:8765", DeploymentFiles.List(app, "ports").Cast<string>());
    }

    [Fact]
    public void the_app_is_given_the_database_by_service_name_and_only_settings_it_reads()
    {
        var environment = _files.AppEnvironment();

        var database = new NpgsqlConnectionStringBuilder(environment["ConnectionStrings__Postgres"]);
        Assert.Equal("db", database.Host);
        Assert.Equal(_files.EnvExample["POSTGRES_PASSWORD"], database.Password);
        string[] read =
        [
            "ConnectionStrings__Postgres", ServerSettings.Variable(ServerSettings.PublicUrlKey), ServerSettings.AllowedHostsKey,
            ServerSettings.Variable(ServerSettings.TrustedProxiesKey), "QualCoder__Registration__Open", "QualCoder__MaxUploadBytes",
            "QualCoder__MaxImportBytes",
            ServerSettings.Variable(ServerSettings.LogLevelKey), ServerSettings.OtlpEndpointKey, "OTEL_SERVICE_NAME",
            "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_ENVIRONMENT",
        ];
        Assert.All(environment.Keys, key => Assert.Contains(key, read));
    }

    [Fact]
    public void the_password_file_is_ignored_and_its_example_committed()
    {
        Assert.True(File.Exists(Path.Combine(_files.Root, ".env.example")));
        Assert.Contains("POSTGRES_PASSWORD", _files.EnvExample.Keys);
        Assert.Contains(".env", File.ReadAllLines(Path.Combine(_files.Root, ".gitignore")));
        Assert.Equal("", Git("ls-files", "--", ".env"));
        Assert.Equal(".env.example", Git("ls-files", "--", ".env.example"));
    }

    private string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _files.Root, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? output : throw new InvalidOperationException($"git {string.Join(' ', arguments)} exited {git.ExitCode}");
    }
}
