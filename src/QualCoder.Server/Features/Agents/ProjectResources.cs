using System.ComponentModel;
using System.Text;
using System.Text.Json;
using Marten;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Sources;

namespace QualCoder.Server.Features.Agents;

/// <summary>
/// A project's sources and codebook as read-only MCP resources, read through the same queries (and so the same
/// membership rule) as the HTTP API. A refusal is an MCP error whose message starts with the code.
/// </summary>
[McpServerResourceType]
public static class ProjectResources
{
    public const string SourceTemplate = "qualcoder://projects/{project_id}/sources/{source_id}";
    public const string CodebookTemplate = "qualcoder://projects/{project_id}/codebook";

    [McpServerResource(UriTemplate = SourceTemplate, Name = "source_text", Title = "A source's text", MimeType = "text/plain")]
    [Description("The whole text of a source. Positions in it are Unicode code points, as the coding tools count them.")]
    public static async Task<string> SourceText(
        RequestContext<ReadResourceRequestParams> request, IQuerySession session, string project_id, string source_id, CancellationToken ct)
    {
        var actor = Authorised(request);
        var text = new StringBuilder();
        for (int? start = 0; start is { } from;)
        {
            var (error, page) = await ReadSourceText.QueryAsync(session, Id(project_id), Id(source_id), from, null, actor, ct);
            text.Append(error is null ? page!.Text : throw Refusal(error));
            start = page.HasMore ? page.End : null;
        }

        return text.ToString();
    }

    [McpServerResource(UriTemplate = CodebookTemplate, Name = "codebook", Title = "The project's codebook", MimeType = "application/json")]
    [Description("The project's codebook as JSON: categories (a tree) with their codes, codes in no category, and per code its number of codings.")]
    public static async Task<string> Codebook(
        RequestContext<ReadResourceRequestParams> request, IQuerySession session, string project_id, CancellationToken ct)
    {
        var (error, codebook, counts) = await CodebookView.ReadAsync(session, Id(project_id), Authorised(request), "CODEBOOK", null, ct);
        return error is null ? JsonSerializer.Serialize(CodebookView.Of(codebook, counts), ToolResults.Json) : throw Refusal(error);
    }

    /// <summary>Resources only read, which every scope may; the project role is checked by the query.</summary>
    private static Actor Authorised(RequestContext<ReadResourceRequestParams> request) => AgentCaller.Of(request).Actor;

    /// <summary>An id that is not one cannot name anything the caller may see.</summary>
    private static Guid Id(string value) => Guid.TryParse(value, out var id) ? id : Guid.Empty;

    private static McpException Refusal(DomainError error) => new($"{ToolResults.CodeOf(error)}: {error.Message}");
}
