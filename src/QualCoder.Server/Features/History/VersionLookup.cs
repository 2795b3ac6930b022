using Marten;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.History;

/// <summary>Finds a project's versions by number; version 0 is the empty project before version 1.</summary>
public static class VersionLookup
{
    public static Task<ProjectVersion?> NewestAsync(IQuerySession session, Guid projectId, CancellationToken ct) =>
        session.Query<ProjectVersion>().Where(v => v.ProjectId == projectId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    /// <summary>The last sequence of version <paramref name="number"/> (0 for version 0), or null when the project has no such version.</summary>
    public static async Task<long?> ToSequenceAsync(IQuerySession session, Guid projectId, int number, CancellationToken ct) =>
        number == 0 ? 0 : (await session.LoadAsync<ProjectVersion>(ProjectVersion.IdOf(projectId, number), ct))?.ToSequence;

    public static DomainError NotFound(string prefix, int number) =>
        DomainError.NotFound($"{prefix}/VERSION_NOT_FOUND", $"The project has no version {number}.");

    public static DomainError NoVersions(string prefix) =>
        DomainError.NotFound($"{prefix}/VERSION_NOT_FOUND", "The project has no closed version yet; its history starts once its first change has settled.");
}
