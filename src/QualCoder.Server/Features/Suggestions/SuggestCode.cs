using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.Suggestions;

/// <summary>Proposes a new code (QualCoder v2's suggest_new_code). Approving it creates the code, with the description as its memo.</summary>
public sealed record SuggestCode(
    Guid ProjectId,
    Guid SuggestionId,
    string Name,
    string? Rationale,
    string? Color,
    string? Description,
    int? Confidence,
    IReadOnlyList<string>? SampleContexts,
    Actor Actor);

public static class SuggestCodeHandler
{
    public const string DefaultColor = "#808080";
    public const int MaxSampleContexts = 20;
    private const string Refused = "CODE_NOT_SUGGESTED";

    public static Decision Decide(Project? project, Codebook.Codebook? codebook, SuggestCode command, DateTimeOffset now)
    {
        if (SuggestionRules.CanSuggest(project, command.Actor, Refused) is { } denied)
        {
            return denied;
        }

        // A name the codebook already has would only fail when approved; say so now, while the agent can pick another.
        if (CodebookRules.CheckCodeName(codebook ?? new Codebook.Codebook(), command.Name, null, Refused, out var name) is { } badName)
        {
            return badName;
        }

        if (CodebookRules.CheckColor(command.Color ?? DefaultColor, Refused, out var color) is { } badColor)
        {
            return badColor;
        }

        if (Memos.Check(command.Description, Refused, out var description) is { } badDescription)
        {
            return badDescription;
        }

        if (SuggestionRules.CheckRationale(command.Rationale, required: true, Refused, out var rationale) is { } badRationale)
        {
            return badRationale;
        }

        if (SuggestionRules.CheckConfidence(command.Confidence, Refused, out var confidence) is { } badConfidence)
        {
            return badConfidence;
        }

        var samples = (command.SampleContexts ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        return samples.Count > MaxSampleContexts || samples.Any(s => CodePointText.CountCodePoints(s) > Memos.MaxLength)
            ? DomainError.Invalid($"{Refused}/TOO_MANY_SAMPLES", $"Give at most {MaxSampleContexts} sample contexts of at most {Memos.MaxLength} characters each.")
            : Decision.Accept(new CodeSuggested(command.ProjectId, command.SuggestionId, name, color, description, confidence, rationale, samples, command.Actor, now));
    }

    public static async Task<CommandOutcome> Handle(SuggestCode command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var (project, codebook) = await SuggestionStreams.ProjectAndCodebookAsync(session, command.ProjectId, ct);
        return SuggestionStreams.Start(session, Decide(project, codebook, command, clock.GetUtcNow()));
    }
}
