using System.Net;
using QualCoder.Server.Tests.Features.Coding;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Agents;

/// <summary>The server scores the codebook against a passage or the uncoded text and stores the best codes as a batch of coding suggestions.</summary>
public sealed class AutoCodingToolsTests(QualCoderApp app) : IntegrationTest(app)
{
    // CodingScenario.Text: "I felt 🎉 so relieved. The nurse said e\u0301cole was fine. I felt calm." ("The nurse said école was fine." is [22, 53)).

    [Fact]
    public async Task suggest_codes_for_range_suggests_the_codes_whose_words_occur_as_one_batch_to_accept()
    {
        var p = await CodingScenario.Arrange(this);
        var care = (await p.Owner.Post($"/api/projects/{p.ProjectId}/codes", new { name = "Nurse care", color = "#336699", memo = "What the nurse said or did" }))
            .ShouldBe(HttpStatusCode.Created).Guid("id");
        await p.Seed.Code("Calm");
        await using var suggester = await AgentClient.ConnectAsync(App, p.Coder, scope: "suggest");
        await using var reviewer = await AgentClient.ConnectAsync(App, p.Owner);

        var suggested = (await suggester.Call("suggest_codes_for_range", new { project_id = p.ProjectId, source_id = p.SourceId, start_pos = 22, end_pos = 53 })).ShouldSucceed().Data;

        var only = Assert.Single(suggested.GetProperty("suggestions").EnumerateArray());
        Assert.Equal((care, "Nurse care", 60), (only.GetProperty("code_id").GetGuid(), only.GetProperty("code_name").GetString(), only.GetProperty("confidence").GetInt32()));
        var batchId = suggested.GetProperty("suggestion_batch_id").GetGuid();
        var accepted = (await reviewer.Call("respond_to_code_suggestion", new { project_id = p.ProjectId, suggestion_batch_id = batchId, response = "accept" })).ShouldSucceed().Data;
        Assert.Equal(1, accepted.GetProperty("applied_count").GetInt32());
        var segment = Assert.Single((await p.Owner.Get($"/api/projects/{p.ProjectId}/sources/{p.SourceId}/segments")).Json!.AsArray())!;
        Assert.Equal((care, "The nurse said e\u0301cole was fine."), (segment["codeId"]!.GetValue<Guid>(), segment["quote"]!.GetValue<string>()));

        var none = (await suggester.Call("suggest_codes_for_range", new { project_id = p.ProjectId, source_id = p.SourceId, start_pos = 0, end_pos = 6 })).ShouldSucceed().Data;
        Assert.Equal(("no_match", 0), (none.GetProperty("status").GetString(), none.GetProperty("suggestions").GetArrayLength()));
        (await suggester.Call("suggest_codes_for_range", new { project_id = p.ProjectId, source_id = p.SourceId, start_pos = 6, end_pos = 99 })).ShouldFail("CODING_NOT_SUGGESTED/INVALID_POSITION");
    }

    [Fact]
    public async Task auto_suggest_codes_suggests_the_best_code_per_uncoded_stretch_at_or_above_min_confidence()
    {
        var p = await CodingScenario.Arrange(this);
        var calm = await p.Seed.Code("Calm");
        (await p.Owner.Post($"/api/projects/{p.ProjectId}/codes", new { name = "Nurse care", color = "#336699", memo = "What the nurse said or did" })).ShouldBe(HttpStatusCode.Created);
        (await p.Coder.Post(p.Segments, p.At(22, 53))).ShouldBe(HttpStatusCode.Created);
        await using var suggester = await AgentClient.ConnectAsync(App, p.Coder, scope: "suggest");
        await using var reader = await AgentClient.ConnectAsync(App, p.Coder, scope: "read");

        var suggested = (await suggester.Call("auto_suggest_codes", new { project_id = p.ProjectId, source_id = p.SourceId })).ShouldSucceed().Data;

        Assert.Equal(1, suggested.GetProperty("total_suggested").GetInt32());
        var only = suggested.GetProperty("suggestions")[0];
        Assert.Equal((calm, 54, 66, 80), (
            only.GetProperty("code_id").GetGuid(), only.GetProperty("start_pos").GetInt32(), only.GetProperty("end_pos").GetInt32(), only.GetProperty("confidence").GetInt32()));
        var status = (await reader.Call("get_suggestion_batch_status", new { project_id = p.ProjectId, batch_id = suggested.GetProperty("batch_id").GetGuid() })).ShouldSucceed().Data;
        Assert.Equal((1, "I felt calm."), (status.GetProperty("total_count").GetInt32(), status.GetProperty("suggestions")[0].GetProperty("text").GetString()));

        var strict = (await suggester.Call("auto_suggest_codes", new { project_id = p.ProjectId, source_id = p.SourceId, min_confidence = 90 })).ShouldSucceed().Data;
        Assert.Equal(0, strict.GetProperty("total_suggested").GetInt32());
        (await suggester.Call("auto_suggest_codes", new { project_id = p.ProjectId, source_id = p.SourceId, min_confidence = 101 })).ShouldFail("CODING_NOT_SUGGESTED/INVALID_PARAM");
        (await suggester.Call("auto_suggest_codes", new { project_id = p.ProjectId, source_id = Guid.NewGuid() })).ShouldFail("CODING_NOT_SUGGESTED/SOURCE_NOT_FOUND");
        (await reader.Call("auto_suggest_codes", new { project_id = p.ProjectId, source_id = p.SourceId })).ShouldFail("CODING_NOT_SUGGESTED/PERMISSION_DENIED");
    }
}
