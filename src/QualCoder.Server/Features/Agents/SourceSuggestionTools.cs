using System.ComponentModel;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Suggestions;
using Wolverine;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// Source metadata suggestions: an agent proposes a source's language, topics and a folder to file it in, and a person
/// approves it (approve_suggestion: memo lines and the move, as the approver, editor role) or rejects it (reject_suggestion).
/// </summary>
[McpServerToolType]
public static class SourceSuggestionTools
{
    [McpServerTool(Name = "suggest_source_metadata", Title = "Suggest a source's metadata", ReadOnly = false, Idempotent = false, Destructive = false, OpenWorld = false)]
    [Description("Proposes metadata for a source: its language and topics (added to the source's memo as \"Language: …\" and \"Topics: …\" lines when approved) and organization_suggestion, the name of a top-level folder to move it into (created if missing). Nothing changes until a person approves it with approve_suggestion or rejects it with reject_suggestion. Give at least one of the three. Needs a token with scope suggest or full.")]
    public static async Task<CallToolResult> SuggestSourceMetadata(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        IMessageBus bus,
        [Description("The source's id (from get_project_context or list_sources).")] string source_id,
        [Description("The language the source is written in, e.g. \"English\" (at most 50 characters).")] string? language = null,
        [Description("Up to 20 topics the source covers, each at most 60 characters.")] string[]? topics = null,
        [Description("The name of a top-level folder to file the source in; it is created when approved if the project has none of that name.")] string? organization_suggestion = null,
        [Description("Why, for the person who reviews it.")] string? rationale = null,
        [Description("How sure you are, as a percentage from 0 to 100. Default 70.")] int? confidence = null,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        const string prefix = "SOURCE_METADATA_NOT_SUGGESTED";
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Suggest, prefix, ct);
        if (SuggestionReview.FirstError(noProject, ToolIds.Required(source_id, "source_id", prefix, out var sourceId)) is { } bad)
        {
            return ToolResults.Failure(bad);
        }

        var id = Guid.CreateVersion7();
        var outcome = await bus.InvokeAsync<CommandOutcome>(
            new SuggestSourceMetadata(projectId, id, sourceId, language, topics, organization_suggestion, rationale, confidence, caller.Actor), ct);
        if (outcome.Error is { } refused)
        {
            return ToolResults.Failure(refused, "get_project_context lists the project's sources and their ids.");
        }

        var suggestion = (await session.LoadAsync<Suggestion>(id, ct))!;
        var metadata = suggestion.SourceMetadata!;
        return ToolResults.Success(new
        {
            SuggestionId = id,
            metadata.SourceId,
            metadata.SourceName,
            Suggested = Proposed(metadata),
            Status = SuggestionReview.Pending,
            RequiresApproval = true,
            suggestion.Rationale,
            suggestion.Confidence,
            NextStep = "Wait for a person to review it (approve_suggestion or reject_suggestion); nothing changes until it is approved.",
        });
    }

    /// <summary>The proposal as v2 names it: the folder is the organization_suggestion.</summary>
    internal static object Proposed(SourceMetadataProposal metadata) =>
        new { metadata.Language, metadata.Topics, OrganizationSuggestion = metadata.FolderName };
}
