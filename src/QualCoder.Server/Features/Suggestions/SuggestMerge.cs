using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>Proposes merging one code into another (QualCoder v2's suggest_merge_codes). Approving it runs MergeCodes.</summary>
public sealed record SuggestMerge(Guid ProjectId, Guid SuggestionId, Guid SourceCodeId, Guid TargetCodeId, string? Rationale, int? Confidence, Actor Actor);

public static class SuggestMergeHandler
{
    private const string Refused = "MERGE_NOT_SUGGESTED";

    public static Decision Decide(Project? project, Codebook.Codebook? codebook, SuggestMerge command, DateTimeOffset now)
    {
        if (SuggestionRules.CanSuggest(project, command.Actor, Refused) is { } denied)
        {
            return denied;
        }

        if (codebook?.FindCode(command.SourceCodeId) is not { } merged || codebook.FindCode(command.TargetCodeId) is not { } target)
        {
            return DomainError.Invalid($"{Refused}/CODE_NOT_FOUND", "The project's codebook has no code with one of these ids.");
        }

        if (merged.Id == target.Id)
        {
            return DomainError.Invalid($"{Refused}/SAME_CODE", "A code cannot be merged into itself.");
        }

        if (SuggestionRules.CheckRationale(command.Rationale, required: true, Refused, out var rationale) is { } badRationale)
        {
            return badRationale;
        }

        return SuggestionRules.CheckConfidence(command.Confidence, Refused, out var confidence) is { } badConfidence
            ? badConfidence
            : Decision.Accept(new MergeSuggested(
                command.ProjectId, command.SuggestionId, merged.Id, merged.Name, target.Id, target.Name, rationale, confidence, command.Actor, now));
    }

    public static async Task<CommandOutcome> Handle(SuggestMerge command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (project, codebook) = await SuggestionStreams.ProjectAndCodebookAsync(session, command.ProjectId, ct);
        return SuggestionStreams.Start(session, Decide(project, codebook, command, clock.GetUtcNow()));
    }
}
