using System.Net;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Coding;

public sealed class ChangeCodingTests(QualCoderApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_coder_changes_memo_importance_span_and_code_of_their_own_coding()
    {
        var s = await CodingScenario.Arrange(this);
        var calm = await s.Seed.Code("Calm");
        var id = (await s.Coder.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created).Guid("id");

        (await s.Coder.Put($"{s.Segments}/{id}/memo", new { memo = " Relief starts here " })).ShouldBe(HttpStatusCode.OK);
        (await s.Coder.Put($"{s.Segments}/{id}/importance", new { importance = 1 })).ShouldBe(HttpStatusCode.OK);
        var resized = (await s.Coder.Put($"{s.Segments}/{id}/span", new { start = 2, end = 20 })).ShouldBe(HttpStatusCode.OK);
        var recoded = (await s.Coder.Put($"{s.Segments}/{id}/code", new { codeId = calm })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal("felt 🎉 so relieved", resized.String("quote"));
        Assert.Equal("Relief starts here", recoded.String("memo"));
        Assert.Equal(1, recoded["importance"].GetValue<int>());
        Assert.Equal(calm, recoded.Guid("codeId"));
        Assert.Equal(2, recoded["start"].GetValue<int>());
    }

    [Fact]
    public async Task changes_are_checked_like_new_codings()
    {
        var s = await CodingScenario.Arrange(this);
        var calm = await s.Seed.Code("Calm");
        var first = (await s.Coder.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created).Guid("id");
        (await s.Coder.Post(s.Segments, s.At(10, 20))).ShouldBe(HttpStatusCode.Created);
        (await s.Coder.Post(s.Segments, s.At(0, 6, calm))).ShouldBe(HttpStatusCode.Created);

        (await s.Coder.Put($"{s.Segments}/{first}/span", new { start = 4, end = 12 })).ShouldBe(HttpStatusCode.Conflict, "SEGMENT_NOT_RESIZED/OVERLAPPING_SEGMENT");
        (await s.Coder.Put($"{s.Segments}/{first}/span", new { start = 4, end = 400 })).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_RESIZED/INVALID_POSITION");
        (await s.Coder.Put($"{s.Segments}/{first}/code", new { codeId = calm })).ShouldBe(HttpStatusCode.Conflict, "SEGMENT_NOT_RECODED/OVERLAPPING_SEGMENT");
        (await s.Coder.Put($"{s.Segments}/{first}/code", new { codeId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_NOT_RECODED/CODE_NOT_FOUND");
        (await s.Coder.Put($"{s.Segments}/{first}/importance", new { importance = 5 })).ShouldBe(HttpStatusCode.UnprocessableEntity, "SEGMENT_IMPORTANCE_NOT_SET/INVALID_IMPORTANCE");
    }

    [Fact]
    public async Task coders_change_only_their_own_codings_and_editors_anyones()
    {
        var s = await CodingScenario.Arrange(this);
        var editor = await SignedIn("Editor");
        await s.Owner.AddMember(s.ProjectId, editor, "editor");
        var owners = (await s.Owner.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created).Guid("id");

        (await s.Coder.Put($"{s.Segments}/{owners}/memo", new { memo = "mine now" })).ShouldBe(HttpStatusCode.Forbidden, "SEGMENT_MEMO_NOT_CHANGED/FORBIDDEN");
        (await s.Coder.Delete($"{s.Segments}/{owners}")).ShouldBe(HttpStatusCode.Forbidden, "SEGMENT_NOT_REMOVED/FORBIDDEN");
        (await s.Viewer.Put($"{s.Segments}/{owners}/importance", new { importance = 1 })).ShouldBe(HttpStatusCode.Forbidden);
        (await editor.Put($"{s.Segments}/{owners}/memo", new { memo = "checked" })).ShouldBe(HttpStatusCode.OK);
        (await editor.Delete($"{s.Segments}/{owners}")).ShouldBe(HttpStatusCode.NoContent);

        Assert.Empty((await s.Owner.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/segments")).Json!.AsArray());
    }

    [Fact]
    public async Task a_removed_coding_is_gone_and_its_span_free_again()
    {
        var s = await CodingScenario.Arrange(this);
        var id = (await s.Coder.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created).Guid("id");

        (await s.Coder.Delete($"{s.Segments}/{id}")).ShouldBe(HttpStatusCode.NoContent);

        (await s.Coder.Delete($"{s.Segments}/{id}")).ShouldBe(HttpStatusCode.NotFound, "SEGMENT_NOT_REMOVED/NOT_FOUND");
        (await s.Coder.Put($"{s.Segments}/{id}/memo", new { memo = "x" })).ShouldBe(HttpStatusCode.NotFound);
        (await s.Coder.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task a_coding_of_another_project_is_not_found()
    {
        var s = await CodingScenario.Arrange(this);
        var id = (await s.Owner.Post(s.Segments, s.At(0, 6))).ShouldBe(HttpStatusCode.Created).Guid("id");
        var stranger = await SignedIn("Stranger");
        var theirs = await stranger.CreateProject("Theirs");

        (await stranger.Delete($"/api/projects/{theirs}/segments/{id}")).ShouldBe(HttpStatusCode.NotFound, "SEGMENT_NOT_REMOVED/NOT_FOUND");
        Assert.Single((await s.Owner.Get($"/api/projects/{s.ProjectId}/sources/{s.SourceId}/segments")).Json!.AsArray());
    }
}
