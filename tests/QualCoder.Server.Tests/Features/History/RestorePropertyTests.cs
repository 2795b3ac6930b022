using QualCoder.Server.Features.History;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.History;

/// <summary>For random histories: restoring to any earlier point gives that point's state, and undoing the restore gives back the state before it.</summary>
public class RestorePropertyTests
{
    private static List<object> Restore(List<object> events, HistoryState target, Guid? restorer = null)
    {
        var plan = RestorePlan.Of(HistoryFold.Of(events), target, ProjectId, restorer is { } id ? new(id) : Editor, Now);
        return [.. events, .. plan.Select(p => p.Event)];
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void restoring_to_n_gives_the_state_at_n_and_restoring_the_restore_gives_back_the_state_before(int seed)
    {
        var events = RandomProject.Generate(seed, 150 + (seed % 5 * 60));
        var random = new Random(seed);
        for (var round = 0; round < 5; round++)
        {
            var n = random.Next(0, events.Count + 1);
            var target = HistoryFold.Of(events.Take(n));
            var before = HistoryFold.Of(events);

            var restored = Restore(events, target);
            Assert.Equal(RandomProject.Canonical(target), RandomProject.Canonical(HistoryFold.Of(restored)));
            Assert.True(restored.Count >= events.Count);
            Assert.Equal(events, restored.Take(events.Count));

            var undone = Restore(restored, before, Guid.NewGuid());
            Assert.Equal(RandomProject.Canonical(before), RandomProject.Canonical(HistoryFold.Of(undone)));
            events = random.Next(2) == 0 ? undone : restored;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void restoring_to_the_current_state_plans_nothing(int seed)
    {
        var events = RandomProject.Generate(seed, 200);
        var state = HistoryFold.Of(events);
        Assert.Empty(RestorePlan.Of(state, state, ProjectId, Editor, Now));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void the_diff_from_a_state_to_itself_is_empty_and_every_difference_is_reported(int seed)
    {
        var events = RandomProject.Generate(seed, 200);
        var n = new Random(seed).Next(events.Count);
        var earlier = HistoryFold.Of(events.Take(n));
        var later = HistoryFold.Of(events);
        Assert.Empty(HistoryDiff.Changes(later, later, new Dictionary<Guid, Guid>()));
        var plan = RestorePlan.Of(later, earlier, ProjectId, Editor, Now);
        var changes = HistoryDiff.Changes(later, earlier, new Dictionary<Guid, Guid>());
        Assert.Equal(plan.Count == 0, changes.Count == 0);
    }
}
