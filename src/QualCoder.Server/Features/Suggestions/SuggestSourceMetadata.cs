using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>
/// Proposes a source's metadata (QualCoder v2's suggest_source_metadata): its language, its topics, and a folder to
/// file it in. Approving it adds "Language: …" / "Topics: …" lines to the source's memo (ChangeSourceMemo) and moves
/// the source into the top-level folder of that name (MoveSourceToFolder), creating the folder first (CreateFolder).
/// </summary>
public sealed record SuggestSourceMetadata(
    Guid ProjectId,
    Guid SuggestionId,
    Guid SourceId,
    string? Language,
    IReadOnlyList<string>? Topics,
    string? OrganizationSuggestion,
    string? Rationale,
    int? Confidence,
    Actor Actor);

public static class SuggestSourceMetadataHandler
{
    public const int MaxLanguageLength = 50;
    public const int MaxTopics = 20;
    public const int MaxTopicLength = 60;
    private const string Refused = "SOURCE_METADATA_NOT_SUGGESTED";

    public static Decision Decide(Project? project, Source? source, SuggestSourceMetadata command, DateTimeOffset now)
    {
        if (SuggestionRules.CanSuggest(project, command.Actor, Refused) is { } denied)
        {
            return denied;
        }

        if (source is null || !source.BelongsTo(project!.Id))
        {
            return SourceAccess.NotFound(Refused);
        }

        var language = string.IsNullOrWhiteSpace(command.Language) ? null : command.Language.Trim();
        if (language is not null && CodePointText.CountCodePoints(language) > MaxLanguageLength)
        {
            return DomainError.Invalid($"{Refused}/LANGUAGE_TOO_LONG", $"A language may have at most {MaxLanguageLength} characters.");
        }

        var topics = (command.Topics ?? []).Select(t => (t ?? "").Trim()).Where(t => t.Length > 0)
            .DistinctBy(t => t.ToLowerInvariant()).ToList();
        if (topics.Count > MaxTopics || topics.Any(t => CodePointText.CountCodePoints(t) > MaxTopicLength))
        {
            return DomainError.Invalid($"{Refused}/INVALID_TOPICS", $"Give at most {MaxTopics} topics of at most {MaxTopicLength} characters each.");
        }

        string? folder = null;
        if (!string.IsNullOrWhiteSpace(command.OrganizationSuggestion))
        {
            if (CreateFolderHandler.CheckName(command.OrganizationSuggestion, Refused, out var name) is { } badFolder)
            {
                return badFolder;
            }

            folder = name;
        }

        if (language is null && topics.Count == 0 && folder is null)
        {
            return DomainError.Invalid(
                $"{Refused}/NOTHING_SUGGESTED", "Suggest at least one of a language, topics or an organization_suggestion (a folder name).");
        }

        if (SuggestionRules.CheckRationale(command.Rationale, required: false, Refused, out var rationale) is { } badRationale)
        {
            return badRationale;
        }

        return SuggestionRules.CheckConfidence(command.Confidence, Refused, out var confidence) is { } badConfidence
            ? badConfidence
            : Decision.Accept(new SourceMetadataSuggested(
                command.ProjectId, command.SuggestionId, source.Id, source.Name, language, topics, folder, rationale, confidence, command.Actor, now));
    }

    public static async Task<CommandOutcome> Handle(SuggestSourceMetadata command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(command.ProjectId);
        var sourceLoad = batch.Load<Source>(command.SourceId);
        await batch.Execute(ct);
        return SuggestionStreams.Start(session, Decide(await projectLoad, await sourceLoad, command, clock.GetUtcNow()));
    }

    /// <summary>
    /// The source's memo with the proposal's lines appended after a blank line, or null when it proposes no memo lines.
    /// </summary>
    public static string? MemoWith(string? memo, SourceMetadataProposal proposal)
    {
        List<string> lines = [];
        if (proposal.Language is { } language)
        {
            lines.Add($"Language: {language}");
        }

        if (proposal.Topics.Count > 0)
        {
            lines.Add($"Topics: {string.Join(", ", proposal.Topics)}");
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var added = string.Join("\n", lines);
        return string.IsNullOrWhiteSpace(memo) ? added : $"{memo.TrimEnd()}\n\n{added}";
    }

    /// <summary>
    /// Carries an approved proposal out as the approver, in the caller's session and transaction, through the Decide
    /// functions of ChangeSourceMemo, CreateFolder and MoveSourceToFolder (their handlers would each read the streams
    /// before the others' appends are saved). The first refusal is the answer, and nothing is appended then.
    /// </summary>
    public static async Task<DomainError?> CarryOutAsync(
        Guid projectId, SourceMetadataProposal proposal, Actor approver, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var foldersId = ProjectStreams.FoldersOf(projectId);
        if (proposal.FolderName is not null)
        {
            // As MoveSourceToFolder does: a folder the source is moved into cannot be deleted under it.
            await StreamLocks.ShareAsync(session, foldersId, ct);
        }

        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(projectId);
        var sourceLoad = batch.Events.FetchForWriting<Source>(proposal.SourceId);
        var foldersLoad = batch.Events.FetchForWriting<FolderTree>(foldersId);
        await batch.Execute(ct);
        var project = await projectLoad;
        var source = await sourceLoad;
        var folders = await foldersLoad;

        List<object> sourceEvents = [];
        if (MemoWith(source.Aggregate?.Memo, proposal) is { } memo)
        {
            var changed = ChangeSourceMemoHandler.Decide(project, source.Aggregate, new ChangeSourceMemo(projectId, proposal.SourceId, memo, null, approver), now);
            if (changed.Error is { } refused)
            {
                return refused;
            }

            sourceEvents.AddRange(changed.Events);
        }

        List<object> folderEvents = [];
        if (proposal.FolderName is { } folderName)
        {
            var tree = folders.Aggregate;
            var folder = tree?.Folders.FirstOrDefault(f => f.ParentId is null && f.Name.ToLowerInvariant() == folderName.ToLowerInvariant());
            var folderId = folder?.Id ?? Guid.CreateVersion7();
            if (folder is null)
            {
                var created = CreateFolderHandler.Decide(project, tree, new CreateFolder(projectId, folderId, folderName, null, approver), now);
                if (created.Error is { } refused)
                {
                    return refused;
                }

                folderEvents.AddRange(created.Events);
                tree = created.Events.OfType<FolderCreated>().Aggregate(tree ?? new FolderTree { Id = foldersId }, (t, e) => t.Apply(e));
            }

            var moved = MoveSourceToFolderHandler.Decide(project, source.Aggregate, tree, new MoveSourceToFolder(projectId, proposal.SourceId, folderId, null, approver), now);
            if (moved.Error is { } notMoved)
            {
                return notMoved;
            }

            sourceEvents.AddRange(moved.Events);
        }

        folders.AppendMany(folderEvents);
        source.AppendMany(sourceEvents);
        return null;
    }
}
