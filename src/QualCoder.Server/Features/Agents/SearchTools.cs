using System.ComponentModel;
using Marten;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Features.Search;

namespace QualCoder.Server.Features.Agents;

/// <summary>The search tool: passages like a given text, from PostgreSQL's full-text and trigram indexes (see <see cref="SimilarContent"/>).</summary>
[McpServerToolType]
public static class SearchTools
{
    private const string Searching = "SEARCH";

    [McpServerTool(Name = "find_similar_content", Title = "Find passages like a text", ReadOnly = true, Idempotent = true, Destructive = false, OpenWorld = false)]
    [Description(
        "Finds passages (sentences or lines) of the project's sources like search_text, best first: passages holding all its words " +
        "(websearch syntax: \"a phrase\", or, -word) or spelled nearly like it (so a misspelling still finds the passage). Each match has " +
        "source_id, source_name, start_pos and end_pos (code points, end exclusive: pass them to apply_code or suggest_code_application as they are), " +
        "text and score. With code_id, passages already entirely coded with that code are left out: the places still to code.")]
    public static async Task<CallToolResult> FindSimilarContent(
        RequestContext<CallToolRequestParams> request,
        IQuerySession session,
        [Description("Required. The text to look for: a few words, a phrase or a sentence (at most 1,000 characters).")] string? search_text = null,
        [Description("A code's id: leave out passages already coded with it.")] string? code_id = null,
        [Description("How many matches at most, 1 to 100. Default 20.")] int limit = SimilarContent.DefaultLimit,
        [Description(AgentCaller.ProjectIdDescription)] string? project_id = null,
        CancellationToken ct = default)
    {
        var caller = AgentCaller.Of(request);
        var (noProject, projectId) = await caller.ProjectAsync(session, project_id, ToolAccess.Read, Searching, ct);
        if (noProject is not null)
        {
            return ToolResults.Failure(noProject);
        }

        Guid? codeId = null;
        if (!string.IsNullOrWhiteSpace(code_id))
        {
            if (ToolIds.Required(code_id, "code_id", Searching, out var parsed) is { } badId)
            {
                return ToolResults.Failure(badId);
            }

            codeId = parsed;
        }

        var (error, found) = await SimilarContent.FindAsync(session, projectId, search_text, codeId, limit, ct);
        if (error is not null)
        {
            return ToolResults.Failure(error, "list_codes lists the codes with their ids.");
        }

        return ToolResults.Success(new
        {
            Matches = found!.Matches.Select(m => new { m.SourceId, m.SourceName, StartPos = m.Start, EndPos = m.End, m.Text, m.Score }),
            MatchCount = found.MatchCount,
        });
    }
}
