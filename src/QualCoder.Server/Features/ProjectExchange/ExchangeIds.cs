using System.Text.Json.Nodes;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.ProjectExchange;

/// <summary>
/// Gives an imported project new ids throughout, consistently: the project, every entity (codes, categories, folders,
/// sources, segments, suggestions, batches) and every stream. An id seen for the first time gets a fresh one, so no
/// imported event can land in a stream or name a document that exists on this server, whatever the file says; the
/// streams derived from the project id (codebook, folder tree) are derived again from the new one.
/// The rule is by name: in event data, <c>projectId</c> is the project, <c>accountId</c> and <c>coderId</c> (a restored
/// coding's original coder) an account, and any other
/// property ending in <c>Id</c> (or <c>Ids</c>, for a list) an entity. A test holds every event type to that rule.
/// <para>
/// Accounts belong to the server they were made on. The account that exported the file becomes the importer, so
/// someone moving their own project keeps their codings as theirs; every other account becomes a fresh id of no
/// account here, one per original account. That keeps each coder's codings apart (per-coder views, agreement between
/// coders) while no file can attribute anything to a real account of this server; screens show such coders as
/// former members.
/// </para>
/// </summary>
public sealed class ExchangeIds
{
    private readonly Dictionary<Guid, Guid> _entities = [];
    private readonly Dictionary<Guid, Guid> _accounts = [];
    private readonly Func<Guid> _newId;

    public ExchangeIds(Guid oldProjectId, Guid newProjectId, Guid exporter, Guid importer, Func<Guid> newId)
    {
        _newId = newId;
        NewProjectId = newProjectId;
        _entities[oldProjectId] = newProjectId;
        _entities[ProjectStreams.CodebookOf(oldProjectId)] = ProjectStreams.CodebookOf(newProjectId);
        _entities[ProjectStreams.FoldersOf(oldProjectId)] = ProjectStreams.FoldersOf(newProjectId);
        _accounts[exporter] = importer;
    }

    public Guid NewProjectId { get; }

    /// <summary>The new id of a stream or an entity (the project's own and derived streams included).</summary>
    public Guid Entity(Guid old) => Lookup(_entities, old);

    public Guid Account(Guid old) => Lookup(_accounts, old);

    /// <summary>Rewrites the ids in an event's data in place, and answers it.</summary>
    public JsonObject Remap(JsonObject data)
    {
        foreach (var (name, value) in data.ToList())
        {
            if (Replacement(name, value) is { } replaced)
            {
                data[name] = replaced;
            }
        }

        return data;
    }

    /// <summary>The new value of a property that is an id; null when the property is not one (nested ones are rewritten in place).</summary>
    private JsonValue? Replacement(string name, JsonNode? value)
    {
        switch (value)
        {
            case JsonValue when name == "projectId":
                return JsonValue.Create(NewProjectId.ToString());
            case JsonValue when name is "accountId" or "coderId" && Id(value) is { } account:
                return JsonValue.Create(Account(account).ToString());
            case JsonValue when name.EndsWith("Id", StringComparison.Ordinal) && Id(value) is { } entity:
                return JsonValue.Create(Entity(entity).ToString());
            case JsonArray list when name.EndsWith("Ids", StringComparison.Ordinal):
                for (var i = 0; i < list.Count; i++)
                {
                    if (Id(list[i]) is { } id)
                    {
                        list[i] = JsonValue.Create(Entity(id).ToString());
                    }
                }

                return null;
            case JsonObject nested:
                Remap(nested);
                return null;
            case JsonArray list:
                foreach (var item in list.OfType<JsonObject>())
                {
                    Remap(item);
                }

                return null;
            default:
                return null;
        }
    }

    private static Guid? Id(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id) ? id : null;

    private Guid Lookup(Dictionary<Guid, Guid> map, Guid old)
    {
        if (!map.TryGetValue(old, out var mapped))
        {
            mapped = _newId();
            map[old] = mapped;
        }

        return mapped;
    }
}
