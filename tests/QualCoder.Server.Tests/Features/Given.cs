using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

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

    /// <summary>A project the team's members do not belong to.</summary>
    public static readonly Guid OtherProjectId = Guid.Parse("0197a000-0000-7000-8000-0000000000a2");

    public static readonly Guid HopeCode = Guid.Parse("0197a000-0000-7000-8000-0000000000d1");
    public static readonly Guid FearCode = Guid.Parse("0197a000-0000-7000-8000-0000000000d2");
    public static readonly Guid UnknownCode = Guid.Parse("0197a000-0000-7000-8000-0000000000d9");

    public static readonly Guid InterviewId = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    public static readonly Guid UnknownSourceId = Guid.Parse("0197a000-0000-7000-8000-0000000000c9");

    /// <summary>
    /// 74 code points (75 UTF-16 units): the leading emoji shifts every later UTF-16 index by one, so a test that
    /// confuses the two units fails. "Hope" is at [17, 21) and [63, 67), "fear" at [41, 45), "kept us" at [22, 29) and [46, 53).
    /// </summary>
    public const string InterviewText = "🎉 We were tired. Hope kept us going, and fear kept us careful. Hope again.";

    /// <summary>Stable ids for segments: segment 1, 2, …</summary>
    public static Guid SegmentNo(int n) => Guid.Parse($"0197a000-0000-7000-8000-e{n:D11}");

    public static CodeCreated CodeCreatedNamed(Guid codeId, string name) => new(ProjectId, codeId, name, "#4363d8", "", null, Editor, Earlier);

    /// <summary>The team's codebook, with the codes "Hope" and "Fear" created by <see cref="Editor"/>.</summary>
    public static CodebookState TheCodebook(params object[] later) =>
        FoldCodebook([CodeCreatedNamed(HopeCode, "Hope"), CodeCreatedNamed(FearCode, "Fear"), .. later]);

    /// <summary>A codebook as Marten builds it: a new one with the stream id, then every event applied.</summary>
    public static CodebookState FoldCodebook(params object[] events)
    {
        var codebook = new CodebookState { Id = ProjectStreams.CodebookOf(ProjectId) };
        foreach (var e in events)
        {
            codebook = e switch
            {
                CodeCreated x => codebook.Apply(x),
                CodeRenamed x => codebook.Apply(x),
                CodeRecoloured x => codebook.Apply(x),
                CodeMemoChanged x => codebook.Apply(x),
                CodeMoved x => codebook.Apply(x),
                CodesMerged x => codebook.Apply(x),
                CodeDeleted x => codebook.Apply(x),
                CategoryCreated x => codebook.Apply(x),
                CategoryRenamed x => codebook.Apply(x),
                CategoryMoved x => codebook.Apply(x),
                CategoryMemoChanged x => codebook.Apply(x),
                CategoryDeleted x => codebook.Apply(x),
                _ => throw new ArgumentException($"A codebook does not fold {e.GetType().Name}."),
            };
        }

        codebook.Version = events.Length;
        return codebook;
    }

    public static SourceAdded SourceAddedWith(Guid sourceId, string text, string name = "Interview 1") =>
        new(ProjectId, sourceId, name, text, "txt", "", "", null, Editor, Earlier);

    /// <summary>
    /// A source as the coding handlers load it: its folded state, its text as <see cref="SourceTextProjection"/>
    /// stores it, and the segments the acting coder already has on it.
    /// </summary>
    public static SourceForCoding SourceWithText(Guid sourceId, string text, params Segment[] codersSegments)
    {
        var added = SourceAddedWith(sourceId, text);
        return new SourceForCoding(Sources.GivenSources.FoldSource(added), new CodePointText(SourceTextProjection.Create(added).Text), codersSegments);
    }

    /// <summary>The interview, with the acting coder's existing segments.</summary>
    public static SourceForCoding Interview(params Segment[] codersSegments) => SourceWithText(InterviewId, InterviewText, codersSegments);

    public static IReadOnlyDictionary<Guid, SourceForCoding> SourcesById(params SourceForCoding[] sources) => sources.ToDictionary(s => s.Source.Id);

    /// <summary>The event of <paramref name="coder"/> coding [start, end) of the interview; the quote is that span's text.</summary>
    public static SegmentCoded Coded(Guid segmentId, Actor coder, Guid codeId, int start, int end, string memo = "", int importance = 0) => new(
        ProjectId, InterviewId, segmentId, codeId, start, end, new CodePointText(InterviewText).Slice(start, end), memo, importance, coder, Earlier);

    /// <summary>A coding of the interview, folded as <see cref="SegmentProjection"/> folds it.</summary>
    public static Segment CodingOf(Guid segmentId, Actor coder, Guid codeId, int start, int end) =>
        Segment.Create(Coded(segmentId, coder, codeId, start, end));

    private static Actor ActorNo(int n) => new(Guid.Parse($"0197a000-0000-7000-8000-{n:D12}"));
}
