using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>
/// docker-compose.yml, the Dockerfile and .env.example as the tests read them: the compose file parsed as YAML, the
/// Dockerfile split into stages, and the app's environment resolved the way `docker compose` resolves it.
/// </summary>
public sealed partial class DeploymentFiles
{
    private DeploymentFiles(string root)
    {
        Root = root;
        Compose = (Dictionary<object, object>)new DeserializerBuilder().Build().Deserialize<object>(File.ReadAllText(Path.Combine(root, "docker-compose.yml")))!;
        Stages = ReadStages(File.ReadAllLines(Path.Combine(root, "Dockerfile")));
        EnvExample = File.ReadAllLines(Path.Combine(root, ".env.example"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('='))
            .ToDictionary(line => line[..line.IndexOf('=')], line => line[(line.IndexOf('=') + 1)..]);
    }

    public string Root { get; }

    public Dictionary<object, object> Compose { get; }

    public IReadOnlyList<Stage> Stages { get; }

    public IReadOnlyDictionary<string, string> EnvExample { get; }

    public static DeploymentFiles Read() => new(Infrastructure.PostgresServer.RepositoryRoot());

    public Dictionary<object, object> Service(string name) => Map(Map(Compose, "services"), name);

    /// <summary>
    /// The app's environment as `docker compose up` gives it with .env copied from .env.example: the compose file's
    /// values with ${NAME}, ${NAME:-default} and ${NAME:?message} replaced, then the final stage's ENV under them.
    /// </summary>
    public Dictionary<string, string> AppEnvironment()
    {
        var environment = Stages[^1].Environment.ToDictionary();
        foreach (var (key, value) in Map(Service("app"), "environment"))
        {
            environment[(string)key] = Interpolation().Replace((string)value, m =>
                EnvExample.TryGetValue(m.Groups["name"].Value, out var given) && given.Length > 0 ? given
                : m.Groups["op"].Value == ":-" ? m.Groups["arg"].Value
                : m.Groups["op"].Value == ":?" ? throw new InvalidOperationException($"{m.Groups["name"].Value} is required: {m.Groups["arg"].Value}")
                : "");
        }

        return environment;
    }

    public static Dictionary<object, object> Map(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is Dictionary<object, object> inner
            ? inner
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a mapping");

    public static List<object> List(Dictionary<object, object> map, string key) =>
        map.TryGetValue(key, out var value) && value is List<object> list
            ? list
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a list");

    /// <summary>One FROM ... AS name stage, its instructions with continuation lines joined.</summary>
    public sealed record Stage(string Image, string Name, IReadOnlyList<string> Instructions)
    {
        public IEnumerable<string> Arguments(string instruction) => Instructions
            .Where(i => i.StartsWith(instruction + " ", StringComparison.OrdinalIgnoreCase))
            .Select(i => i[(instruction.Length + 1)..].Trim());

        public Dictionary<string, string> Environment => Arguments("ENV")
            .SelectMany(arguments => arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
    }

    private static List<Stage> ReadStages(string[] lines)
    {
        var instructions = new List<string>();
        var current = "";
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                instructions.Add(Regex.Replace(current, @"\s+", " "));
                current = "";
            }
        }

        var stages = new List<Stage>();
        foreach (var instruction in instructions)
        {
            if (FromLine().Match(instruction) is { Success: true } from)
            {
                stages.Add(new Stage(from.Groups["image"].Value, from.Groups["name"].Value, []));
            }
            else if (stages.Count > 0)
            {
                stages[^1] = stages[^1] with { Instructions = [.. stages[^1].Instructions, instruction] };
            }
        }

        return stages;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|:\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"^FROM (?<image>\S+)(?: AS (?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromLine();
}
