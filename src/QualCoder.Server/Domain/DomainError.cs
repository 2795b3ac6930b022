namespace QualCoder.Server.Domain;

/// <summary>What kind of refusal an error is; each kind has one HTTP status and one MCP meaning.</summary>
public enum ErrorKind
{
    Invalid,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    TooLarge,
}

/// <summary>
/// A refusal with a stable code in QualCoder's style (<c>PROJECT_NOT_CREATED/EMPTY_NAME</c>): clients and agents
/// branch on the code, people read the message.
/// </summary>
public sealed record DomainError(string Code, string Message, ErrorKind Kind)
{
    public static DomainError Invalid(string code, string message) => new(code, message, ErrorKind.Invalid);
    public static DomainError Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);
    public static DomainError NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);
    public static DomainError Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);
    public static DomainError TooLarge(string code, string message) => new(code, message, ErrorKind.TooLarge);

    public static DomainError Unauthenticated(string code, string message) => new(code, message, ErrorKind.Unauthenticated);
}
