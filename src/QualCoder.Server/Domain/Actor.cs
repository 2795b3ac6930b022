namespace QualCoder.Server.Domain;

/// <summary>Who caused an event: the account, and later the agent session acting for it.</summary>
public sealed record Actor(Guid AccountId);
