namespace QualCoder.Server.Features.History;

/// <summary>How long a project's window of changes stays open: <see cref="Quiet"/> after its last change, at most <see cref="Max"/> after its first.</summary>
public sealed record HistorySettings(bool Enabled, TimeSpan Quiet, TimeSpan Max)
{
    public static HistorySettings From(IConfiguration configuration) => new(
        configuration.GetValue("QualCoder:History:Enabled", true),
        TimeSpan.FromMilliseconds(configuration.GetValue("QualCoder:History:QuietMilliseconds", 500)),
        TimeSpan.FromMilliseconds(configuration.GetValue("QualCoder:History:MaxMilliseconds", 5000)));
}

/// <summary>What a close message does: write <see cref="Closed"/> (oldest first), delete the parts in <see cref="Consumed"/>, look again at <see cref="RecheckAt"/>.</summary>
public sealed record WindowDecision(IReadOnlyList<ProjectVersion> Closed, IReadOnlyList<string> Consumed, DateTimeOffset? RecheckAt);

/// <summary>The pure rules of a project's open windows: where one ends, when it is due, and what closing it writes.</summary>
public static class VersionWindow
{
    public static DateTimeOffset DueAt(DateTimeOffset openedAt, DateTimeOffset lastAt, HistorySettings settings)
    {
        var quiet = lastAt + settings.Quiet;
        var max = openedAt + settings.Max;
        return quiet < max ? quiet : max;
    }

    /// <summary>
    /// The windows in a project's parts (in sequence order): a part joins the window before it unless a quiet time
    /// passed between them or the window is at its maximum. Cutting by the changes' own times, not by when a close
    /// message happens to run, keeps versions the same however late the scheduler polls.
    /// </summary>
    public static List<List<VersionPart>> Split(IEnumerable<VersionPart> parts, HistorySettings settings)
    {
        var windows = new List<List<VersionPart>>();
        foreach (var part in parts)
        {
            if (windows.Count > 0 && windows[^1] is var window
                && part.FirstAt - window[^1].LastAt < settings.Quiet
                && part.FirstAt < window[0].FirstAt + settings.Max)
            {
                window.Add(part);
            }
            else
            {
                windows.Add([part]);
            }
        }

        return windows;
    }

    /// <summary>
    /// The decision for the close message scheduled with part <paramref name="partId"/>. Every part is inserted with its
    /// own message, due no later than its window, so the newest part's message alone carries the project's windows:
    /// older parts' messages do nothing, which keeps continuous activity from piling up messages. Every window but
    /// the last is over; the last closes when due. Parts a version already covers (a replayed subscription) are
    /// dropped uncounted, so no event is ever in two versions.
    /// </summary>
    /// <param name="parts">the project's parts in sequence order</param>
    /// <param name="latest">the project's newest version</param>
    public static WindowDecision Decide(IReadOnlyList<VersionPart> parts, ProjectVersion? latest, string partId, DateTimeOffset now, HistorySettings settings)
    {
        var covered = latest?.ToSequence ?? 0;
        var consumed = parts.Where(p => p.ToSequence <= covered).Select(p => p.Id).ToList();
        var open = parts.Where(p => p.ToSequence > covered).ToList();
        if (open.Count == 0 || open[^1].Id != partId)
        {
            return new WindowDecision([], consumed, null);
        }

        var windows = Split(open, settings);
        var closed = new List<ProjectVersion>();
        var number = latest?.Number ?? 0;
        var last = windows[^1];
        var due = DueAt(last[0].FirstAt, last[^1].LastAt, settings);
        foreach (var window in now < due ? windows.Take(windows.Count - 1) : windows)
        {
            closed.Add(Combine(window, ++number, now));
            consumed.AddRange(window.Select(p => p.Id));
        }

        return new WindowDecision(closed, consumed, now < due ? due : null);
    }

    /// <summary>One version out of a window's parts (in sequence order, at least one).</summary>
    public static ProjectVersion Combine(IReadOnlyList<VersionPart> parts, int number, DateTimeOffset closedAt)
    {
        var projectId = parts[0].ProjectId;
        var count = parts.Sum(p => p.EventCount);
        var areas = parts
            .SelectMany(p => p.Areas)
            .GroupBy(a => a.Key)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Value));
        var restoredTo = parts.LastOrDefault(p => p.RestoredTo is not null)?.RestoredTo;
        return new ProjectVersion(
            ProjectVersion.IdOf(projectId, number), projectId, number, parts[0].FromSequence, parts[^1].ToSequence, count,
            parts[0].FirstAt, closedAt, [.. parts.SelectMany(p => p.Actors).Distinct()], areas,
            VersionMessages.Describe(areas, count == 1 ? parts[0].FirstType : null, restoredTo), restoredTo);
    }
}
