using System.Reflection;
using System.Text.Json.Serialization;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.ProjectExchange;

namespace QualCoder.Server.Tests.Features.ProjectExchange;

public class ExchangeEventsTests
{
    /// <summary>Project events: records that name their project, their actor and the time they happened.</summary>
    private static IEnumerable<Type> ProjectEventTypes() => typeof(Program).Assembly.GetTypes()
        .Where(t => t.GetProperty("ProjectId")?.PropertyType == typeof(Guid)
            && t.GetProperty("Actor")?.PropertyType == typeof(Actor)
            && t.GetProperty("At")?.PropertyType == typeof(DateTimeOffset));

    [Fact]
    public void every_project_event_type_of_the_server_says_how_an_import_treats_it()
    {
        var missing = ProjectEventTypes().Where(t => !ExchangeEvents.Treatments.ContainsKey(t)).Select(t => t.Name).Order();

        Assert.Empty(missing);
    }

    [Fact]
    public void every_id_in_an_event_is_named_so_the_import_gives_it_a_new_one()
    {
        var misnamed = ExchangeEvents.Treatments.Keys
            .SelectMany(t => t.GetProperties()
                .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
                .Select(p => (Event: t.Name, p.Name, p.PropertyType)))
            .Where(p => (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?)) && !p.Name.EndsWith("Id", StringComparison.Ordinal)
                || typeof(IEnumerable<Guid>).IsAssignableFrom(p.PropertyType) && !p.Name.EndsWith("Ids", StringComparison.Ordinal))
            .Select(p => $"{p.Event}.{p.Name}");

        Assert.Empty(misnamed);
    }
}
