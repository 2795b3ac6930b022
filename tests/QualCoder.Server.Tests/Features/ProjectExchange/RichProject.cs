using System.Net;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Suggestions;
using QualCoder.Server.Tests.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;
using Wolverine;

namespace QualCoder.Server.Tests.Features.ProjectExchange;

/// <summary>
/// A project with a bit of everything, made through the API by an owner and a coder: nested folders and categories,
/// codes with memos, moves and renames, overlapping codings by two coders with memos and importance, a resized coding,
/// a merge, a code and a source deleted with their codings, and an agent's suggestions, one approved, one rejected.
/// </summary>
internal static class RichProject
{
    public const string FirstText = "I felt 🎉 so relieved. The nurse was tired, so tired. Then the night shift ended.";

    public static async Task<Guid> Build(QualCoderApp app, ApiClient ada, ApiClient cy)
    {
        var projectId = await ada.CreateProject("Ward study");
        var p = $"/api/projects/{projectId}";
        await ada.AddMember(projectId, cy, "coder");
        (await ada.Put($"{p}/description", new { description = "Nurses on night shifts" })).ShouldBe(HttpStatusCode.OK);

        var fieldwork = await ada.CreateFolder(projectId, "Fieldwork");
        var wardB = await ada.CreateFolder(projectId, "Ward B", fieldwork);
        var archive = await ada.CreateFolder(projectId, "Archive");
        var feelings = await Created(ada.Post($"{p}/categories", new { name = "Feelings", memo = "How they felt" }));
        var positive = await Created(ada.Post($"{p}/categories", new { name = "Positive", parentId = feelings }));
        var context = await Created(ada.Post($"{p}/categories", new { name = "Context" }));
        var joy = await Created(ada.Post($"{p}/codes", new { name = "Joy", color = "#ffcc00", memo = "Any relief", categoryId = positive }));
        var anger = await Created(ada.Post($"{p}/codes", new { name = "Anger", color = "#cc0000", categoryId = feelings }));
        var fatigue = await Created(ada.Post($"{p}/codes", new { name = "Fatigue", color = "#555555" }));
        var tired = await Created(ada.Post($"{p}/codes", new { name = "Tired", color = "#777777" }));
        var doomed = await Created(ada.Post($"{p}/codes", new { name = "Doomed", color = "#000000" }));

        var first = await ada.AddSource(projectId, "Interview 1", FirstText, wardB);
        var second = await ada.AddSource(projectId, "Interview 2", "The shift ended late. Nobody was tired then.", archive);
        var third = await ada.AddSource(projectId, "Interview 3", "To be withdrawn: the participant was tired.");

        var s = $"{p}/segments";
        var adasJoy = await Created(ada.Post(s, new { sourceId = first, codeId = joy, start = 0, end = 20, memo = "Relief" }));
        await Created(ada.Post(s, new { sourceId = first, codeId = anger, start = 10, end = 35, importance = 2 }));
        var cysJoy = await Created(cy.Post(s, new { sourceId = first, codeId = joy, start = 2, end = 20 }));
        await Created(ada.Post(s, new { sourceId = first, codeId = tired, quote = "so tired" }));
        await Created(cy.Post(s, new { sourceId = second, codeId = tired, quote = "tired" }));
        await Created(ada.Post(s, new { sourceId = second, codeId = doomed, start = 0, end = 9 }));
        await Created(ada.Post(s, new { sourceId = third, codeId = fatigue, quote = "tired" }));
        (await cy.Put($"{s}/{cysJoy}/memo", new { memo = "Cy's reading" })).ShouldBe(HttpStatusCode.OK);
        (await cy.Put($"{s}/{cysJoy}/importance", new { importance = 1 })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{s}/{adasJoy}/span", new { start = 0, end = 21 })).ShouldBe(HttpStatusCode.OK);

        (await ada.Put($"{p}/codes/{joy}/name", new { name = "Delight" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{p}/codes/{anger}/color", new { color = "#ee1111" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{p}/codes/{anger}/category", new { categoryId = context })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{p}/categories/{context}/name", new { name = "Setting" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{p}/categories/{context}/memo", new { memo = "Where and when" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Post($"{p}/codes/{tired}/merge", new { intoCodeId = fatigue })).ShouldBe(HttpStatusCode.OK);
        (await ada.Delete($"{p}/codes/{doomed}?deleteCodings=true")).ShouldBe(HttpStatusCode.NoContent);
        (await ada.Put($"{p}/sources/{first}/name", new { name = "Interview 1 (Ward B)" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{p}/sources/{first}/memo", new { memo = "Recorded at 6 am" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{p}/sources/{second}/folder", new { folderId = (Guid?)null })).ShouldBe(HttpStatusCode.OK);
        (await ada.Put($"{p}/folders/{archive}/name", new { name = "Old" })).ShouldBe(HttpStatusCode.OK);
        (await ada.Delete($"{p}/sources/{third}?confirm=true")).ShouldBe(HttpStatusCode.OK);

        await Suggest(app, projectId, cy, first, fatigue, ada);
        (await ada.Put($"{p}/name", new { name = "Ward study 2026" })).ShouldBe(HttpStatusCode.OK);
        return projectId;
    }

    /// <summary>An agent acting for the coder suggests a code and two codings; the owner approves one coding and rejects the code.</summary>
    private static async Task Suggest(QualCoderApp app, Guid projectId, ApiClient coder, Guid sourceId, Guid codeId, ApiClient owner)
    {
        var agent = new Actor(coder.AccountId, new AgentSession("session-7", "claude-code", "2.1"));
        var (code, approved, pending) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        using var scope = app.Services.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        Assert.Null((await bus.InvokeAsync<CommandOutcome>(new SuggestCode(projectId, code, "Night work", "Often said", null, "Shifts at night", 70, ["night shift"], agent))).Error);
        Assert.Null((await bus.InvokeAsync<CommandOutcome>(new SuggestCodings(projectId, Guid.CreateVersion7(),
        [
            new CodingSuggestionItem(approved, sourceId, codeId, new SegmentAnchor(null, null, "night shift", null), "Tiring", 80),
            new CodingSuggestionItem(pending, sourceId, codeId, new SegmentAnchor(null, null, "relieved", null), "Maybe", 40),
        ], agent))).Error);

        var p = $"/api/projects/{projectId}/suggestions";
        (await owner.Post($"{p}/{approved}/approve")).ShouldBe(HttpStatusCode.OK);
        (await owner.Post($"{p}/{code}/reject", new { reason = "duplicate", feedback = "We have Fatigue" })).ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<Guid> Created(Task<Reply> reply) => (await reply).ShouldBe(HttpStatusCode.Created).Guid("id");
}
