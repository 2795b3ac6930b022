namespace QualCoder.Server.Domain;

/// <summary>
/// What a pure decide function answers: the events to append, or the error that refuses the command.
/// An accepted decision may carry no events when the command changes nothing (renaming to the same name).
/// </summary>
public readonly record struct Decision(IReadOnlyList<object> Events, DomainError? Error)
{
    public bool IsAccepted => Error is null;

    public static Decision Accept(params object[] events) => new(events, null);

    public static implicit operator Decision(DomainError error) => new([], error);
}
