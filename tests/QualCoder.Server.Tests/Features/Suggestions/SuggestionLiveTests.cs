using System.Net;
using QualCoder.Server.Tests.Infrastructure;
using QualCoder.Server.Tests.Realtime;

namespace QualCoder.Server.Tests.Features.Suggestions;

public sealed class SuggestionLiveTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task open_browsers_see_a_suggestion_arrive_and_its_approval_with_the_coding_it_made()
    {
        var s = await SuggestionScenario.Arrange(this);
        await using var live = await LiveClient.ConnectAsync(App, s.Project.Viewer);
        await live.Join(s.Project.ProjectId);

        var id = await s.SuggestCoding(9, 20);
        var suggested = (await live.WaitFor(changes => changes.Any(c => c.Type == "coding_suggested"))).Single(c => c.Type == "coding_suggested");
        Assert.Equal((s.Project.ProjectId, id, s.Project.Coder.AccountId, "so relieved"), (
            suggested.ProjectId, suggested.Data.GetProperty("suggestionId").GetGuid(), suggested.Actor, suggested.Data.GetProperty("quote").GetString()));

        (await s.Project.Owner.Post($"{s.Suggestions}/{id}/approve")).ShouldBe(HttpStatusCode.OK);

        var changes = await live.WaitFor(changes => changes.Any(c => c.Type == "suggestion_approved") && changes.Any(c => c.Type == "segment_coded"));
        Assert.Equal(s.Project.Owner.AccountId, changes.Single(c => c.Type == "suggestion_approved").Actor);
        Assert.Equal(s.Project.Owner.AccountId, changes.Single(c => c.Type == "segment_coded").Actor);
    }
}
