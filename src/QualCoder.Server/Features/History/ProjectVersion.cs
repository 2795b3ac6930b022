namespace QualCoder.Server.Features.History;

/// <summary>
/// A closed version of a project: every change event of the project with a global sequence in
/// [<see cref="FromSequence"/>, <see cref="ToSequence"/>] and nothing else. Numbers run 1, 2, 3 ... per project;
/// the document id is <see cref="IdOf"/> so that closing the same window twice writes the same row.
/// </summary>
public sealed record ProjectVersion(
    string Id,
    Guid ProjectId,
    int Number,
    long FromSequence,
    long ToSequence,
    int EventCount,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosedAt,
    IReadOnlyList<VersionActor> Actors,
    IReadOnlyDictionary<string, int> Areas,
    string Message,
    int? RestoredTo)
{
    public static string IdOf(Guid projectId, int number) => $"{projectId:N}:{number}";
}

/// <summary>Someone who acted in a version: an account, and the agent session when an agent acted for it.</summary>
public sealed record VersionActor(Guid AccountId, string? AgentSessionId, string? AgentClientName);
