using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Tests.Features;

/// <summary>States built as the event store builds them: by folding events through Create and Apply.</summary>
public static class Given
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Earlier = Now.AddDays(-30);

    public static readonly Actor Owner = ActorNo(1);
    public static readonly Actor SecondOwner = ActorNo(2);
    public static readonly Actor Editor = ActorNo(3);
    public static readonly Actor Coder = ActorNo(4);
    public static readonly Actor Viewer = ActorNo(5);
    public static readonly Actor Outsider = ActorNo(6);
    public static readonly Actor Ann = ActorNo(7);

    public static readonly Guid ProjectId = Guid.Parse("0197a000-0000-7000-8000-0000000000a1");
    public const string ProjectName = "Interviews 2024";
    public const string ProjectDescription = "Semi-structured interviews with ward nurses.";

    public static readonly Guid LaptopToken = Guid.Parse("0197a000-0000-7000-8000-0000000000b1");
    public static readonly Guid CiToken = Guid.Parse("0197a000-0000-7000-8000-0000000000b2");

    public static Actor MemberWith(ProjectRole role) => role switch
    {
        ProjectRole.Owner => Owner,
        ProjectRole.Editor => Editor,
        ProjectRole.Coder => Coder,
        _ => Viewer,
    };

    /// <summary>A project with only its creator, <see cref="Owner"/>.</summary>
    public static Project NewProject(params object[] later) =>
        FoldProject([new ProjectCreated(ProjectId, ProjectName, ProjectDescription, Owner, Earlier), .. later]);

    /// <summary>A project with an owner, an editor, a coder and a viewer.</summary>
    public static Project Team(params object[] later) => NewProject(
        [Joined(Editor, ProjectRole.Editor), Joined(Coder, ProjectRole.Coder), Joined(Viewer, ProjectRole.Viewer), .. later]);

    public static Project TeamWithTwoOwners() => Team(Joined(SecondOwner, ProjectRole.Owner));

    public static Project DeletedTeam() => Team(new ProjectDeleted(ProjectId, Owner, Earlier));

    public static MemberAdded Joined(Actor member, ProjectRole role) => new(ProjectId, member.AccountId, role, Owner, Earlier);

    public static Project FoldProject(params object[] events)
    {
        var project = Project.Create((ProjectCreated)events[0]);
        foreach (var e in events.Skip(1))
        {
            project = e switch
            {
                ProjectRenamed x => project.Apply(x),
                ProjectDescribed x => project.Apply(x),
                ProjectDeleted x => project.Apply(x),
                MemberAdded x => project.Apply(x),
                MemberRoleChanged x => project.Apply(x),
                MemberRemoved x => project.Apply(x),
                _ => throw new ArgumentException($"A project does not fold {e.GetType().Name}."),
            };
        }

        project.Version = events.Length;
        return project;
    }

    /// <summary>Ann's account, registered <see cref="Earlier"/>, with no tokens.</summary>
    public static Account AnnsAccount(params object[] later) => FoldAccount([Registered(Ann, "ann@example.org", "Ann Example"), .. later]);

    /// <summary>Ann's account with the tokens "Laptop" (no expiry) and "CI pipeline" (expires in 90 days).</summary>
    public static Account AnnWithTokens(params object[] later) =>
        AnnsAccount([TokenCreated(LaptopToken, "Laptop"), TokenCreated(CiToken, "CI pipeline", Earlier.AddDays(90)), .. later]);

    public static Account AccountOf(Actor who, string email, string displayName) => FoldAccount(Registered(who, email, displayName));

    public static AccountRegistered Registered(Actor who, string email, string displayName) =>
        new(who.AccountId, email, displayName, $"hash-of-{displayName}", false, who, Earlier);

    public static AccessTokenCreated TokenCreated(Guid tokenId, string name, DateTimeOffset? expiresAt = null) =>
        new(Ann.AccountId, tokenId, name, $"sha256-of-{name}", $"qcw_…{tokenId.ToString()[^4..]}", expiresAt, Ann, Earlier);

    public static Account FoldAccount(params object[] events)
    {
        var account = Account.Create((AccountRegistered)events[0]);
        foreach (var e in events.Skip(1))
        {
            account = e switch
            {
                AccessTokenCreated x => account.Apply(x),
                AccessTokenRevoked x => account.Apply(x),
                _ => throw new ArgumentException($"An account does not fold {e.GetType().Name}."),
            };
        }

        account.Version = events.Length;
        return account;
    }

    private static Actor ActorNo(int n) => new(Guid.Parse($"0197a000-0000-7000-8000-{n:D12}"));
}
