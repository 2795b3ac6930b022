namespace QualCoder.Server.Features.Coding;

/// <summary>
/// The spans one coder has coded with one code in one source. They never overlap (that is the rule this class
/// enforces), so kept sorted by start, one binary search answers whether a new span would overlap any of them.
/// </summary>
public sealed class DisjointSpans
{
    private readonly List<(int Start, int End)> _spans = [];

    public bool Overlaps(int start, int end)
    {
        // The last span starting before `end` is the only one that can reach into [start, end).
        var index = LastStartingBefore(end);
        return index >= 0 && _spans[index].End > start;
    }

    public void Add(int start, int end) => _spans.Insert(LastStartingBefore(start) + 1, (start, end));

    private int LastStartingBefore(int position)
    {
        int low = 0, high = _spans.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_spans[middle].Start < position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
