using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Suggestions;
using QualCoder.Server.Tests.Features.Coding;
using QualCoder.Server.Tests.Infrastructure;
using Wolverine;

namespace QualCoder.Server.Tests.Features.Suggestions;

/// <summary>
/// A coding scenario in which an agent acting for the coder makes suggestions. There is no HTTP route for
/// suggesting (agents use MCP), so suggestions are sent as commands through the app's message bus, as MCP tools will.
/// </summary>
internal sealed record SuggestionScenario(CodingScenario Project, QualCoderApp App)
{
    public string Suggestions => $"/api/projects/{Project.ProjectId}/suggestions";

    public Actor Agent => new(Project.Coder.AccountId);

    public static async Task<SuggestionScenario> Arrange<TApp>(IntegrationTest<TApp> test)
        where TApp : QualCoderApp => new(await CodingScenario.Arrange(test), test.App);

    public async Task<TOutcome> Send<TOutcome>(object command)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync<TOutcome>(command);
    }

    /// <summary>Suggests codings of the scenario's source with its code, one per span, as one batch; answers their ids.</summary>
    public async Task<IReadOnlyList<Guid>> SuggestCodings(Guid? batchId, params (int Start, int End)[] spans)
    {
        var items = spans.Select(s => new CodingSuggestionItem(Guid.CreateVersion7(), Project.SourceId, Project.CodeId, new SegmentAnchor(s.Start, s.End, null, null), "Relief words", 80)).ToList();
        var outcome = await Send<CommandOutcome>(new SuggestCodings(Project.ProjectId, batchId, items, Agent));
        Assert.Null(outcome.Error);
        return [.. items.Select(i => i.SuggestionId)];
    }

    public async Task<Guid> SuggestCoding(int start, int end) => (await SuggestCodings(null, (start, end)))[0];
}
