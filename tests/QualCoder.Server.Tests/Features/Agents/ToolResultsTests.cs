using System.Text.Json;
using ModelContextProtocol.Protocol;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Agents;

namespace QualCoder.Server.Tests.Features.Agents;

public class ToolResultsTests
{
    private static JsonElement TextOf(CallToolResult result) =>
        JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text).RootElement;

    [Fact]
    public void a_success_carries_snake_case_data_in_the_structured_content_and_the_text()
    {
        var result = ToolResults.Success(new { ProjectOpen = true, SourceCount = 2 });

        Assert.NotEqual(true, result.IsError);
        foreach (var envelope in new[] { result.StructuredContent!.Value, TextOf(result) })
        {
            Assert.True(envelope.GetProperty("success").GetBoolean());
            Assert.Equal(2, envelope.GetProperty("data").GetProperty("source_count").GetInt32());
        }
    }

    [Fact]
    public void no_context_suggests_opening_a_project_first()
    {
        var result = ToolResults.Failure(AgentCaller.NoContext("CODE_NOT_CREATED"));

        Assert.True(result.IsError);
        var envelope = result.StructuredContent!.Value;
        Assert.Equal("CODE_NOT_CREATED/NO_CONTEXT", envelope.GetProperty("error_code").GetString());
        Assert.Equal(["Open a project first (open_project), or pass project_id"], envelope.GetProperty("suggestions").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(envelope.GetProperty("error").GetString(), TextOf(result).GetProperty("error").GetString());
    }

    [Fact]
    public void a_tools_own_suggestions_come_before_the_general_advice()
    {
        var result = ToolResults.Failure(DomainError.NotFound("PROJECT/NOT_FOUND", "no such project"), "Call list_projects.");

        Assert.Equal("Call list_projects.", result.StructuredContent!.Value.GetProperty("suggestions")[0].GetString());
    }

    [Fact]
    public void an_unexpected_failure_is_internal_and_says_it_was_logged()
    {
        var envelope = ToolResults.Internal().StructuredContent!.Value;

        Assert.Equal("INTERNAL", envelope.GetProperty("error_code").GetString());
        Assert.Contains("logged", envelope.GetProperty("error").GetString());
    }
}
