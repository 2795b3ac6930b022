using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>An agent (or a person) proposed a new code; nothing changes in the codebook until someone approves it.</summary>
public sealed record CodeSuggested(
    Guid ProjectId, Guid SuggestionId, string Name, string Color, string Description, int Confidence, string Rationale,
    IReadOnlyList<string> SampleContexts, Actor Actor, DateTimeOffset At);

/// <summary>
/// A coding was proposed: span [Start, End) in code points, checked against the source when suggested. The quote and
/// the text around it are kept so a reviewer reads the passage without opening the source.
/// </summary>
public sealed record CodingSuggested(
    Guid ProjectId, Guid SuggestionId, Guid? BatchId, Guid SourceId, string SourceName, Guid CodeId, string CodeName,
    int Start, int End, string Quote, string ContextBefore, string ContextAfter, int Confidence, string Rationale,
    Actor Actor, DateTimeOffset At);

/// <summary>Merging code <c>SourceCodeId</c> into <c>TargetCodeId</c> was proposed.</summary>
public sealed record MergeSuggested(
    Guid ProjectId, Guid SuggestionId, Guid SourceCodeId, string SourceCodeName, Guid TargetCodeId, string TargetCodeName,
    string Rationale, int Confidence, Actor Actor, DateTimeOffset At);

/// <summary>
/// A source's metadata was proposed: a language and topics for its memo, and the name of a top-level folder to file it
/// in (OrganizationSuggestion). Null or empty where not proposed; at least one is there.
/// </summary>
public sealed record SourceMetadataSuggested(
    Guid ProjectId, Guid SuggestionId, Guid SourceId, string SourceName, string? Language, IReadOnlyList<string> Topics,
    string? OrganizationSuggestion, string Rationale, int Confidence, Actor Actor, DateTimeOffset At);

/// <summary>
/// A reviewer approved the suggestion and its change was made by the normal command, in the same transaction.
/// <c>ResultId</c> is what that made: the new code, the new coding, or the code merged into.
/// </summary>
public sealed record SuggestionApproved(Guid ProjectId, Guid SuggestionId, Guid ResultId, Actor Actor, DateTimeOffset At);

/// <summary>A reviewer approved, but the command refused (the code was deleted meanwhile, the span is coded already): it stays reviewable.</summary>
public sealed record SuggestionApprovalFailed(Guid ProjectId, Guid SuggestionId, string ErrorCode, string Error, Actor Actor, DateTimeOffset At);

/// <summary>A reviewer turned the suggestion down; the reason and feedback are kept for the agent and for the record.</summary>
public sealed record SuggestionRejected(Guid ProjectId, Guid SuggestionId, string Reason, string Feedback, Actor Actor, DateTimeOffset At);

public enum SuggestionKind
{
    Code,
    Coding,
    Merge,
    SourceMetadata,
}

/// <summary>Pending until reviewed; Failed means an approval was tried and refused, and it may be approved again or rejected.</summary>
public enum SuggestionStatus
{
    Pending,
    Approved,
    Rejected,
    Failed,
}

public sealed record CodeProposal(string Name, string Color, string Description, IReadOnlyList<string> SampleContexts);

public sealed record CodingProposal(
    Guid SourceId, string SourceName, Guid CodeId, string CodeName, int Start, int End, string Quote, string ContextBefore, string ContextAfter);

public sealed record MergeProposal(Guid SourceCodeId, string SourceCodeName, Guid TargetCodeId, string TargetCodeName);

/// <summary>What a source metadata suggestion proposes; <c>FolderName</c> is the top-level folder to move the source into.</summary>
public sealed record SourceMetadataProposal(Guid SourceId, string SourceName, string? Language, IReadOnlyList<string> Topics, string? FolderName);

/// <summary>
/// One suggestion: its own stream, folded into this document inline, which is also the review queue's row. A stream
/// per suggestion (not one per project) so reviews of different suggestions never contend, while two reviews of the
/// same one meet on its stream: one wins, the other finds it reviewed.
/// </summary>
public sealed record Suggestion(
    Guid Id,
    Guid ProjectId,
    SuggestionKind Kind,
    SuggestionStatus Status,
    Guid? BatchId,
    string Rationale,
    int Confidence,
    Actor SuggestedBy,
    DateTimeOffset SuggestedAt,
    CodeProposal? Code,
    CodingProposal? Coding,
    MergeProposal? Merge)
{
    public long Version { get; set; }

    /// <summary>A source metadata suggestion's proposal (null for the other kinds).</summary>
    public SourceMetadataProposal? SourceMetadata { get; init; }

    /// <summary>Who approved, rejected or last tried to approve it, and when.</summary>
    public Actor? ReviewedBy { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>What the approval made (see <see cref="SuggestionApproved"/>).</summary>
    public Guid? ResultId { get; init; }

    public string? RejectionReason { get; init; }

    public string? Feedback { get; init; }

    /// <summary>Why the last approval was refused, while the status is Failed.</summary>
    public string? ErrorCode { get; init; }

    public string? Error { get; init; }

    public bool IsReviewable => Status is SuggestionStatus.Pending or SuggestionStatus.Failed;

    public static Suggestion Create(CodeSuggested e) => new(
        e.SuggestionId, e.ProjectId, SuggestionKind.Code, SuggestionStatus.Pending, null, e.Rationale, e.Confidence, e.Actor, e.At,
        new CodeProposal(e.Name, e.Color, e.Description, e.SampleContexts), null, null);

    public static Suggestion Create(CodingSuggested e) => new(
        e.SuggestionId, e.ProjectId, SuggestionKind.Coding, SuggestionStatus.Pending, e.BatchId, e.Rationale, e.Confidence, e.Actor, e.At, null,
        new CodingProposal(e.SourceId, e.SourceName, e.CodeId, e.CodeName, e.Start, e.End, e.Quote, e.ContextBefore, e.ContextAfter), null);

    public static Suggestion Create(MergeSuggested e) => new(
        e.SuggestionId, e.ProjectId, SuggestionKind.Merge, SuggestionStatus.Pending, null, e.Rationale, e.Confidence, e.Actor, e.At, null, null,
        new MergeProposal(e.SourceCodeId, e.SourceCodeName, e.TargetCodeId, e.TargetCodeName));

    public static Suggestion Create(SourceMetadataSuggested e) => new(
        e.SuggestionId, e.ProjectId, SuggestionKind.SourceMetadata, SuggestionStatus.Pending, null, e.Rationale, e.Confidence, e.Actor, e.At, null, null, null)
    {
        SourceMetadata = new SourceMetadataProposal(e.SourceId, e.SourceName, e.Language, e.Topics, e.OrganizationSuggestion),
    };

    public Suggestion Apply(SuggestionApproved e) => this with
    {
        Status = SuggestionStatus.Approved, ReviewedBy = e.Actor, ReviewedAt = e.At, ResultId = e.ResultId, ErrorCode = null, Error = null,
    };

    public Suggestion Apply(SuggestionApprovalFailed e) => this with
    {
        Status = SuggestionStatus.Failed, ReviewedBy = e.Actor, ReviewedAt = e.At, ErrorCode = e.ErrorCode, Error = e.Error,
    };

    public Suggestion Apply(SuggestionRejected e) => this with
    {
        Status = SuggestionStatus.Rejected, ReviewedBy = e.Actor, ReviewedAt = e.At, RejectionReason = e.Reason, Feedback = e.Feedback,
    };
}
