using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>
/// The rules every suggestion shares: who may suggest and who may review what, what a rationale and a confidence may
/// be, and how much text around a suggested coding the reviewer sees.
/// </summary>
public static class SuggestionRules
{
    public const int DefaultConfidence = 70;
    public const int ContextLength = 80;

    /// <summary>Agents suggest on behalf of a user, who must be allowed to code; what the token may do is the MCP side's concern.</summary>
    public static DomainError? CanSuggest(Project? project, Actor actor, string codePrefix) =>
        ProjectAccess.Require(project, actor, ProjectRole.Coder, codePrefix);

    /// <summary>Reviewing needs the role the approved command needs: coder for codings, editor for codebook changes.</summary>
    public static ProjectRole ReviewerRole(SuggestionKind kind) => kind == SuggestionKind.Coding ? ProjectRole.Coder : ProjectRole.Editor;

    /// <summary>
    /// Whether <paramref name="actor"/> may review this suggestion now: a member (else NOT_FOUND, as for a missing
    /// suggestion), with the kind's role, and the suggestion not approved or rejected already (409).
    /// </summary>
    public static DomainError? CheckReview(Project? project, Suggestion? suggestion, Actor actor, string codePrefix)
    {
        if (ProjectAccess.Require(project, actor, ProjectRole.Viewer, codePrefix) is { } denied)
        {
            return denied;
        }

        if (suggestion is null || suggestion.ProjectId != project!.Id)
        {
            return NotFound(codePrefix);
        }

        return ProjectAccess.Require(project, actor, ReviewerRole(suggestion.Kind), codePrefix) ?? CheckReviewable(suggestion, codePrefix);
    }

    /// <summary>
    /// Whether <paramref name="actor"/> may review a batch now: a member, the batch in the project, the coder role
    /// (batches hold codings only), and something in it still to review. <paramref name="reviewable"/> is that.
    /// </summary>
    public static DomainError? CheckBatchReview(
        Project? project, IReadOnlyList<Suggestion> batch, Actor actor, string codePrefix, out IReadOnlyList<Suggestion> reviewable)
    {
        reviewable = [];
        if (ProjectAccess.Require(project, actor, ProjectRole.Viewer, codePrefix) is { } denied)
        {
            return denied;
        }

        if (batch.Count == 0 || batch.Any(s => s.ProjectId != project!.Id))
        {
            return DomainError.NotFound($"{codePrefix}/NOT_FOUND", "There is no such suggestion batch in this project.");
        }

        if (ProjectAccess.Require(project, actor, batch.Max(s => ReviewerRole(s.Kind)), codePrefix) is { } forbidden)
        {
            return forbidden;
        }

        reviewable = [.. batch.Where(s => s.IsReviewable)];
        return reviewable.Count == 0
            ? DomainError.Conflict($"{codePrefix}/ALREADY_REVIEWED", "Every suggestion in this batch was already approved or rejected.")
            : null;
    }

    public static DomainError? CheckReviewable(Suggestion suggestion, string codePrefix) => suggestion.Status switch
    {
        SuggestionStatus.Approved => DomainError.Conflict(
            $"{codePrefix}/ALREADY_APPROVED", $"This suggestion was already approved at {suggestion.ReviewedAt:u}."),
        SuggestionStatus.Rejected => DomainError.Conflict(
            $"{codePrefix}/ALREADY_REJECTED", $"This suggestion was already rejected at {suggestion.ReviewedAt:u}."),
        _ => null,
    };

    public static DomainError NotFound(string codePrefix) =>
        DomainError.NotFound($"{codePrefix}/NOT_FOUND", "There is no such suggestion in this project.");

    /// <summary>Trims the rationale; a code or merge suggestion must say why, a coding may leave it to its code.</summary>
    public static DomainError? CheckRationale(string? raw, bool required, string codePrefix, out string rationale)
    {
        rationale = (raw ?? "").Trim();
        if (required && rationale.Length == 0)
        {
            return DomainError.Invalid($"{codePrefix}/MISSING_PARAM", "Give a rationale: why this is suggested, for the person who reviews it.");
        }

        return CodePointText.CountCodePoints(rationale) > Memos.MaxLength
            ? DomainError.Invalid($"{codePrefix}/RATIONALE_TOO_LONG", $"A rationale may have at most {Memos.MaxLength} characters.")
            : null;
    }

    /// <summary>A percentage, 70 when not given (QualCoder v2's default).</summary>
    public static DomainError? CheckConfidence(int? raw, string codePrefix, out int confidence)
    {
        confidence = raw ?? DefaultConfidence;
        return confidence is < 0 or > 100
            ? DomainError.Invalid($"{codePrefix}/INVALID_CONFIDENCE", $"confidence is a percentage from 0 to 100; got {confidence}.")
            : null;
    }

    /// <summary>Trims a reviewer's note (a reason or feedback); empty is allowed.</summary>
    public static DomainError? CheckNote(string? raw, string what, string codePrefix, out string note)
    {
        note = (raw ?? "").Trim();
        return CodePointText.CountCodePoints(note) > Memos.MaxLength
            ? DomainError.Invalid($"{codePrefix}/{what.ToUpperInvariant()}_TOO_LONG", $"The {what} may have at most {Memos.MaxLength} characters.")
            : null;
    }

    /// <summary>Up to <see cref="ContextLength"/> code points before and after the span [start, end).</summary>
    public static (string Before, string After) ContextOf(CodePointText text, int start, int end) =>
        (text.Slice(Math.Max(0, start - ContextLength), start), text.Slice(end, Math.Min(text.Length, end + ContextLength)));
}
