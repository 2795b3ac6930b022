using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.History;

/// <summary>
/// The project was restored to version <c>Version</c> (whose last event is <c>ToSequence</c>). Appended to the
/// project's stream in the same transaction as the compensating events, so the version that holds them says so.
/// </summary>
public sealed record ProjectRestored(Guid ProjectId, int Version, long ToSequence, Actor Actor, DateTimeOffset At);
