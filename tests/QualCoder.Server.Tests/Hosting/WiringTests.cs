using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Agents;
using QualCoder.Server.Tests.Infrastructure;
using Wolverine.Runtime.Handlers;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>Conventions that fail silently when broken: a handler Wolverine cannot see, an event without its actor.</summary>
public sealed class WiringTests(QualCoderApp app) : IntegrationTest(app)
{
    /// <summary>
    /// Commands that run on the request's own session, on purpose, not through the bus: Wolverine's retry of a lost
    /// race would run a restore again on top of the change that beat it, where the person must see a 409 and decide.
    /// </summary>
    private static readonly Type[] RunInTheRequest = [typeof(QualCoder.Server.Features.History.RestoreVersion)];

    /// <summary>
    /// The commands: every record that carries an Actor but no At (events carry both), and every message a Handle
    /// method takes (which adds the one command sent before there is an actor, registration). The MCP tools' caller
    /// carries the Actor they put on commands, and is none.
    /// </summary>
    private static readonly Type[] Commands = typeof(Program).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith("QualCoder.Server.Features", StringComparison.Ordinal) == true && t != typeof(AgentCaller) && !RunInTheRequest.Contains(t))
        .SelectMany(t => t.GetProperty("Actor")?.PropertyType == typeof(Actor) && t.GetProperty("At") is null
            ? [t]
            : t.GetMethods().Where(m => m.Name == "Handle" && m.IsStatic).Select(m => m.GetParameters()[0].ParameterType))
        .Distinct()
        .ToArray();

    [Fact]
    public void every_command_has_a_wolverine_handler()
    {
        var handlers = App.Services.GetRequiredService<HandlerGraph>();

        Assert.NotEmpty(Commands);
        Assert.All(Commands, command => Assert.True(handlers.CanHandle(command), $"No handler for {command.Name}: its class must end in 'Handler'."));
    }

    [Fact]
    public void every_event_records_its_actor_and_time()
    {
        // Each stream's aggregate (or projection) folds every event of its stream: their Create/Apply/Project parameters are the events.
        var events = new[]
            {
                typeof(QualCoder.Server.Features.Projects.Project), typeof(QualCoder.Server.Features.Accounts.Account),
                typeof(QualCoder.Server.Features.Sources.Source), typeof(QualCoder.Server.Features.Folders.FolderTree),
                typeof(QualCoder.Server.Features.Codebook.Codebook), typeof(QualCoder.Server.Features.Coding.SegmentProjection),
                typeof(QualCoder.Server.Features.Suggestions.Suggestion),
            }
            .SelectMany(folder => folder.GetMethods())
            .Where(m => m.Name is "Create" or "Apply" or "Project")
            .Select(m => m.GetParameters()[0].ParameterType)
            .Distinct()
            .ToList();

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.True(e.GetProperty("Actor")?.PropertyType == typeof(Actor), $"{e.Name} has no Actor");
            Assert.True(e.GetProperty("At")?.PropertyType == typeof(DateTimeOffset), $"{e.Name} has no At");
        });
    }
}
