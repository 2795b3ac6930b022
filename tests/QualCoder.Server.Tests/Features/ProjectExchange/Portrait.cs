using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.ProjectExchange;

/// <summary>
/// What a project's read models show through the API, with ids replaced by what they name (a code's id by its name,
/// the viewer's account by "me", any other id by "?") and every list sorted, so two copies of one project compare
/// equal whatever ids they were given: the codebook tree, the folders, the sources with their texts and codings, the
/// suggestions, and what search finds.
/// </summary>
internal static partial class Portrait
{
    public static async Task<string> Of(ApiClient viewer, Guid projectId, params string[] searches)
    {
        var p = $"/api/projects/{projectId}";
        var codebook = await Read(viewer, $"{p}/codebook");
        var folders = await Read(viewer, $"{p}/folders");
        var sources = (await Read(viewer, $"{p}/sources")).AsArray();
        var labels = new Dictionary<string, string> { [viewer.AccountId.ToString()] = "me" };
        Label(labels, codebook, "categories", "category");
        Label(labels, codebook, "codes", "code");
        Label(labels, folders, "folders", "folder");
        foreach (var source in sources)
        {
            labels[source!["id"]!.GetValue<string>()] = $"source:{source["name"]!.GetValue<string>()}";
        }

        var portrait = new JsonObject
        {
            ["codebook"] = codebook,
            ["folders"] = folders,
            ["sources"] = sources,
            ["suggestions"] = await Read(viewer, $"{p}/suggestions"),
        };
        foreach (var source in sources.Select(s => s!["id"]!.GetValue<string>()))
        {
            portrait[$"segments of {source}"] = await Read(viewer, $"{p}/sources/{source}/segments");
            portrait[$"text of {source}"] = (await Read(viewer, $"{p}/sources/{source}/text"))["text"]!.DeepClone();
        }

        foreach (var text in searches)
        {
            portrait[$"search {text}"] = await Read(viewer, $"{p}/search?text={Uri.EscapeDataString(text)}");
        }

        var relabelled = Ids().Replace(portrait.ToJsonString(), id => labels.GetValueOrDefault(id.Value, "?"));
        return Canonical(JsonNode.Parse(relabelled))!.ToJsonString();
    }

    private static async Task<JsonNode> Read(ApiClient viewer, string url) => (await viewer.Get(url)).ShouldBe(HttpStatusCode.OK).Json!;

    /// <summary>Labels every object under <paramref name="node"/> that has an id and a name and sits in a list called <paramref name="list"/>.</summary>
    private static void Label(Dictionary<string, string> labels, JsonNode? node, string list, string kind)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (name == list && value is JsonArray items)
                    {
                        foreach (var item in items.OfType<JsonObject>().Where(i => i["id"] is not null && i["name"] is not null))
                        {
                            labels[item["id"]!.GetValue<string>()] = $"{kind}:{item["name"]!.GetValue<string>()}";
                        }
                    }

                    Label(labels, value, list, kind);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Label(labels, item, list, kind);
                }

                break;
        }
    }

    /// <summary>Objects with their properties in name order, lists in the order of their items' text.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical).OrderBy(i => i?.ToJsonString(), StringComparer.Ordinal)]),
        _ => node?.DeepClone(),
    };

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();
}
