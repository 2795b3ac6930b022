using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Coding;

/// <summary>What a change to one existing coding needs loaded beyond the project and the coding itself.</summary>
[Flags]
public enum SegmentNeeds
{
    Nothing = 0,

    /// <summary>The codebook, read under its share lock (changing the code).</summary>
    Codebook = 1,

    /// <summary>The source's text (changing the span, whose quote follows).</summary>
    Text = 2,

    /// <summary>The coder's other codings in the source (both, for the overlap rule).</summary>
    Siblings = 4,
}

/// <summary>What a change to one existing coding is decided on; Codebook, Text and CodersSegments only when needed.</summary>
public sealed record SegmentContext(
    Project? Project, Codebook.Codebook? Codebook, Segment? Segment, ITextSpans? Text, IReadOnlyList<Segment> CodersSegments);

/// <summary>
/// The one path for changing an existing coding (memo, importance, span, code, removal): find its source, lock
/// that source's stream, re-read the coding under the lock, decide, append. The rule who may change it is here too.
/// </summary>
public static class SegmentChange
{
    /// <summary>Coders change their own codings; editors and owners anyone's.</summary>
    public static DomainError? Require(SegmentContext context, Actor actor, Guid projectId, string codePrefix)
    {
        if (ProjectAccess.Require(context.Project, actor, ProjectRole.Coder, codePrefix) is { } denied)
        {
            return denied;
        }

        if (context.Segment is not { } segment || segment.ProjectId != projectId)
        {
            return DomainError.NotFound($"{codePrefix}/NOT_FOUND", "The project has no coding with this id; it may have been removed.");
        }

        var role = context.Project!.MemberOf(actor.AccountId)!.Role;
        return role == ProjectRole.Coder && segment.CoderId != actor.AccountId
            ? DomainError.Forbidden($"{codePrefix}/FORBIDDEN", "Coders change only their own codings; an editor or owner can change anyone's.")
            : null;
    }

    /// <summary>Whether another coding of the same coder and code overlaps [start, end).</summary>
    public static bool OverlapsSibling(SegmentContext context, Guid codeId, int start, int end) =>
        context.CodersSegments.Any(s => s.Id != context.Segment!.Id && s.CodeId == codeId && s.Overlaps(start, end));

    public static async Task<CommandOutcome> DecideAsync(
        this IDocumentSession session, Guid projectId, Guid segmentId, SegmentNeeds needs, Func<SegmentContext, Decision> decide, CancellationToken ct)
    {
        var first = session.CreateBatchQuery();
        var projectLoad = first.Load<Project>(projectId);
        var segmentLoad = first.Load<Segment>(segmentId);
        await first.Execute(ct);
        var (project, unlocked) = (await projectLoad, await segmentLoad);
        if (unlocked is null || unlocked.ProjectId != projectId)
        {
            return Refusal(decide(new SegmentContext(project, null, null, null, [])));
        }

        await session.BeginTransactionAsync(ct);
        if (needs.HasFlag(SegmentNeeds.Codebook))
        {
            await CodingState.ShareCodebookAsync(session, projectId, ct);
        }

        var second = session.CreateBatchQuery();
        var streamLoad = second.Events.FetchForExclusiveWriting<Source>(unlocked.SourceId);
        var segmentReload = second.Load<Segment>(segmentId);
        var codebookLoad = needs.HasFlag(SegmentNeeds.Codebook)
            ? second.Load<Codebook.Codebook>(ProjectStreams.CodebookOf(projectId))
            : Task.FromResult<Codebook.Codebook?>(null);
        var textLoad = needs.HasFlag(SegmentNeeds.Text) ? second.Load<SourceText>(unlocked.SourceId) : Task.FromResult<SourceText?>(null);
        var siblingsLoad = needs.HasFlag(SegmentNeeds.Siblings)
            ? second.Query<Segment>().Where(s => s.SourceId == unlocked.SourceId && s.CoderId == unlocked.CoderId).ToList()
            : Task.FromResult<IReadOnlyList<Segment>>([]);
        await second.Execute(ct);

        var stream = await streamLoad;
        var text = await textLoad;
        var context = new SegmentContext(
            project, await codebookLoad, await segmentReload, text is null ? null : new CodePointText(text.Text), await siblingsLoad);
        return stream.Conclude(null, decide(context));
    }

    private static CommandOutcome Refusal(Decision decision) =>
        decision.Error is { } error ? CommandOutcome.Rejected(error) : throw new InvalidOperationException("A missing coding cannot be changed.");
}
