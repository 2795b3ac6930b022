using QualCoder.Server.Domain;

namespace QualCoder.Server.Realtime;

/// <summary>
/// Sent to one account's own hub connections as "navigate" when an agent acting for it asks to show a passage: the
/// browser opens the source, scrolls the span into view and flashes it. Nothing is stored; no one else sees it.
/// </summary>
public sealed record SegmentNavigation(Guid ProjectId, Guid SourceId, int Start, int End, bool Highlight, AgentSession By)
{
    public const string Method = "navigate";
}
