using System.Text.Json;
using QualCoder.Server.Features.History;
using QualCoder.Server.Realtime;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.History;

public class VersionWindowTests
{
    private static readonly HistorySettings Settings = new(true, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));
    private static readonly Guid Ann = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");

    private static ProjectChange Change(long sequence, string type, double second, string extra = "") => new(
        sequence, ProjectId, ProjectId, type, Ann, Now.AddSeconds(second),
        JsonDocument.Parse($$$"""{"projectId":"{{{ProjectId}}}","actor":{"accountId":"{{{Ann}}}"{{{extra}}}}}""").RootElement);

    private static VersionPart Part(long from, int count, double firstSecond, double lastSecond, string type = "code_created") =>
        VersionPart.Of(ProjectId, [.. Enumerable.Range(0, count).Select(i =>
            Change(from + i, type, i == count - 1 ? lastSecond : firstSecond))]);

    private static ProjectVersion Closed(int number, long to) =>
        new(ProjectVersion.IdOf(ProjectId, number), ProjectId, number, 1, to, (int)to, Now, Now, [], new Dictionary<string, int>(), "", null);

    [Fact]
    public void a_window_is_due_a_quiet_time_after_its_last_change() =>
        Assert.Equal(Now.AddSeconds(2.5), VersionWindow.DueAt(Now, Now.AddSeconds(2), Settings));

    [Fact]
    public void a_busy_window_is_due_at_most_the_maximum_after_it_opened() =>
        Assert.Equal(Now.AddSeconds(5), VersionWindow.DueAt(Now, Now.AddSeconds(4.9), Settings));

    [Fact]
    public void a_part_counts_its_events_per_area_and_its_people_and_agents_once()
    {
        var agent = ""","agent":{"sessionId":"s1","clientName":"claude-code","clientVersion":"1"}""";
        var part = VersionPart.Of(ProjectId, [Change(7, "code_created", 0), Change(9, "source_added", 1, agent), Change(12, "code_renamed", 2, agent)]);

        Assert.Equal((VersionPart.IdOf(ProjectId, 7), 7L, 12L, 3), (part.Id, part.FromSequence, part.ToSequence, part.EventCount));
        Assert.Equal((Now, Now.AddSeconds(2)), (part.FirstAt, part.LastAt));
        Assert.Equal(new Dictionary<string, int> { ["coding"] = 2, ["sources"] = 1 }, part.Areas);
        Assert.Equal([new VersionActor(Ann, null, null), new VersionActor(Ann, "s1", "claude-code")], part.Actors);
    }

    [Fact]
    public void a_restore_in_a_part_names_the_version_it_went_back_to()
    {
        var restore = new ProjectChange(3, ProjectId, ProjectId, "project_restored", Ann, Now,
            JsonDocument.Parse($$$"""{"projectId":"{{{ProjectId}}}","version":12,"actor":{"accountId":"{{{Ann}}}"}}""").RootElement);

        var version = VersionWindow.Combine([VersionPart.Of(ProjectId, [Change(1, "code_created", 0), Change(2, "code_deleted", 0), restore])], 13, Now);

        Assert.Equal(("Restored to version 12", (int?)12), (version.Message, version.RestoredTo));
    }

    [Fact]
    public void the_newest_parts_message_closes_a_due_window_into_the_next_version_of_all_its_parts()
    {
        var parts = new[] { Part(11, 2, 0, 0.1), Part(20, 3, 0.2, 0.3) };

        var decision = VersionWindow.Decide(parts, Closed(4, 10), parts[1].Id, Now.AddSeconds(0.8), Settings);

        var version = Assert.Single(decision.Closed);
        Assert.Equal((5, 11L, 22L, 5, Now, Now.AddSeconds(0.8)), (version.Number, version.FromSequence, version.ToSequence, version.EventCount, version.OpenedAt, version.ClosedAt));
        Assert.Equal("coding: 5 events", version.Message);
        Assert.Equal(ProjectVersion.IdOf(ProjectId, 5), version.Id);
        Assert.Equal(parts.Select(p => p.Id), decision.Consumed);
        Assert.Null(decision.RecheckAt);
    }

    [Fact]
    public void the_first_version_of_a_project_is_number_one() =>
        Assert.Equal(1, VersionWindow.Decide([Part(1, 1, 0, 0)], null, VersionPart.IdOf(ProjectId, 1), Now.AddSeconds(1), Settings).Closed[0].Number);

    [Fact]
    public void a_window_not_yet_due_is_looked_at_again_when_due()
    {
        var parts = new[] { Part(11, 2, 0, 0.1) };

        var decision = VersionWindow.Decide(parts, null, parts[0].Id, Now.AddSeconds(0.3), Settings);

        Assert.Equal(Now.AddSeconds(0.6), decision.RecheckAt);
        Assert.Empty(decision.Closed);
        Assert.Empty(decision.Consumed);
    }

    [Fact]
    public void an_older_parts_message_leaves_the_window_to_the_newest_parts_message()
    {
        var parts = new[] { Part(11, 2, 0, 0.1), Part(20, 3, 0.2, 0.3) };

        var decision = VersionWindow.Decide(parts, null, parts[0].Id, Now.AddSeconds(10), Settings);

        Assert.Null(decision.RecheckAt);
        Assert.Empty(decision.Closed);
        Assert.Empty(decision.Consumed);
    }

    [Fact]
    public void a_message_whose_part_was_closed_already_does_nothing()
    {
        var decision = VersionWindow.Decide([], Closed(1, 10), VersionPart.IdOf(ProjectId, 5), Now.AddSeconds(10), Settings);

        Assert.Null(decision.RecheckAt);
        Assert.Empty(decision.Closed);
        Assert.Empty(decision.Consumed);
    }

    [Fact]
    public void parts_a_version_already_covers_are_dropped_without_counting_them_again()
    {
        var parts = new[] { Part(5, 2, 0, 0), Part(11, 2, 0, 0.1) };

        var decision = VersionWindow.Decide(parts, Closed(1, 10), parts[1].Id, Now.AddSeconds(1), Settings);

        Assert.Equal((11L, 2), (decision.Closed[0].FromSequence, decision.Closed[0].EventCount));
        Assert.Equal(parts.Select(p => p.Id), decision.Consumed);
    }

    [Fact]
    public void a_late_close_still_ends_a_version_at_a_quiet_gap_and_waits_for_the_window_after_it()
    {
        var parts = new[] { Part(11, 2, 0, 0.1), Part(20, 1, 1.0, 1.0) };

        var decision = VersionWindow.Decide(parts, null, parts[1].Id, Now.AddSeconds(1.2), Settings);

        Assert.Equal([(1, 11L, 12L)], decision.Closed.Select(v => (v.Number, v.FromSequence, v.ToSequence)));
        Assert.Equal([parts[0].Id], decision.Consumed);
        Assert.Equal(Now.AddSeconds(1.5), decision.RecheckAt);
    }

    [Fact]
    public void a_close_later_still_writes_each_window_as_its_own_version_in_order()
    {
        var parts = new[] { Part(11, 2, 0, 0.1), Part(20, 1, 1.0, 1.0) };

        var decision = VersionWindow.Decide(parts, Closed(3, 10), parts[1].Id, Now.AddSeconds(9), Settings);

        Assert.Equal([(4, 11L, 12L), (5, 20L, 20L)], decision.Closed.Select(v => (v.Number, v.FromSequence, v.ToSequence)));
        Assert.Equal(parts.Select(p => p.Id), decision.Consumed);
        Assert.Null(decision.RecheckAt);
    }

    [Fact]
    public void continuous_activity_is_cut_where_a_window_reaches_its_maximum()
    {
        var parts = Enumerable.Range(0, 30).Select(i => Part(100 + i, 1, i * 0.3, i * 0.3)).ToList();

        var windows = VersionWindow.Split(parts, Settings);

        Assert.Equal([17, 13], windows.Select(w => w.Count));
        Assert.True(windows[1][0].FirstAt >= Now + Settings.Max);
    }
}
