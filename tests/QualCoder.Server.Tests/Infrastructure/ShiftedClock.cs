namespace QualCoder.Server.Tests.Infrastructure;

/// <summary>
/// Real time plus an offset a test can move. Frameworks in the host share the TimeProvider, so it keeps running
/// rather than freezing; tests only ever jump it forward.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; private set; }

    public void Advance(TimeSpan by) => Offset += by;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
