using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Projects;

/// <summary>A project was created; its creator is its first owner.</summary>
public sealed record ProjectCreated(Guid ProjectId, string Name, string Description, Actor Actor, DateTimeOffset At);

/// <summary>A project got a new name.</summary>
public sealed record ProjectRenamed(Guid ProjectId, string Name, Actor Actor, DateTimeOffset At);

/// <summary>A project's description was changed (or cleared).</summary>
public sealed record ProjectDescribed(Guid ProjectId, string Description, Actor Actor, DateTimeOffset At);

/// <summary>A project was deleted by an owner; its events stay in the store, but nobody can open it any more.</summary>
public sealed record ProjectDeleted(Guid ProjectId, Actor Actor, DateTimeOffset At);

/// <summary>An account joined a project with a role.</summary>
public sealed record MemberAdded(Guid ProjectId, Guid AccountId, ProjectRole Role, Actor Actor, DateTimeOffset At);

/// <summary>A member's role changed.</summary>
public sealed record MemberRoleChanged(Guid ProjectId, Guid AccountId, ProjectRole Role, Actor Actor, DateTimeOffset At);

/// <summary>A member left or was removed (the actor tells which).</summary>
public sealed record MemberRemoved(Guid ProjectId, Guid AccountId, Actor Actor, DateTimeOffset At);

public sealed record ProjectMember(Guid AccountId, ProjectRole Role, DateTimeOffset Since);

/// <summary>
/// A project's own stream folded into one document (an inline snapshot, so it is in step with every append):
/// the state the project's decide functions check, and the read model that lists a person's projects.
/// </summary>
public sealed record Project(
    Guid Id,
    string Name,
    string Description,
    IReadOnlyList<ProjectMember> Members,
    bool IsDeleted,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The stream version, set by Marten; clients send it back as the expected version of their next change.</summary>
    public long Version { get; set; }

    public ProjectMember? MemberOf(Guid accountId) => Members.FirstOrDefault(m => m.AccountId == accountId);

    public int OwnerCount => Members.Count(m => m.Role == ProjectRole.Owner);

    public static Project Create(ProjectCreated e) =>
        new(e.ProjectId, e.Name, e.Description, [new ProjectMember(e.Actor.AccountId, ProjectRole.Owner, e.At)], false, e.At, e.At);

    public Project Apply(ProjectRenamed e) => this with { Name = e.Name, UpdatedAt = e.At };

    public Project Apply(ProjectDescribed e) => this with { Description = e.Description, UpdatedAt = e.At };

    public Project Apply(ProjectDeleted e) => this with { IsDeleted = true, UpdatedAt = e.At };

    public Project Apply(MemberAdded e) =>
        this with { Members = [.. Members, new ProjectMember(e.AccountId, e.Role, e.At)], UpdatedAt = e.At };

    public Project Apply(MemberRoleChanged e) => this with
    {
        Members = [.. Members.Select(m => m.AccountId == e.AccountId ? m with { Role = e.Role } : m)],
        UpdatedAt = e.At,
    };

    public Project Apply(MemberRemoved e) =>
        this with { Members = [.. Members.Where(m => m.AccountId != e.AccountId)], UpdatedAt = e.At };
}
