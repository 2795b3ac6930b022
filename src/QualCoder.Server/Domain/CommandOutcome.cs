namespace QualCoder.Server.Domain;

/// <summary>What a command handler answers its caller: the stream's version after the command, or why it was refused.</summary>
public sealed record CommandOutcome(DomainError? Error, long Version)
{
    public static CommandOutcome Accepted(long version) => new(null, version);

    public static CommandOutcome Rejected(DomainError error) => new(error, 0);
}
