using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Hosting;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Codebook;

/// <summary>Merging and deleting codes that have codings: the codings follow in their sources' streams, in the same transaction.</summary>
public sealed class CodingsOfCodesTests(QualCoderApp app) : IntegrationTest(app)
{
    // "scared" is [6, 12), "angry" [19, 24), "tired" [36, 41).
    private const string Transcript = "I was scared, then angry, then just tired.";

    private CodingsInStore Store => new(App);

    private static async Task<Guid> CreateCode(ApiClient by, Guid projectId, string name) =>
        (await by.Post($"/api/projects/{projectId}/codes", new { name, color = "#abc" })).ShouldBe(HttpStatusCode.Created).Guid("id");

    private async Task<(ApiClient Ada, ApiClient Bob, ApiClient Cy, Guid ProjectId)> Team()
    {
        var ada = await SignedIn("Ada");
        var bob = await SignedIn("Bob");
        var cy = await SignedIn("Cy");
        var projectId = await ada.CreateProject();
        await ada.AddMember(projectId, bob, "coder");
        await ada.AddMember(projectId, cy, "coder");
        return (ada, bob, cy, projectId);
    }

    [Fact]
    public async Task merging_gives_every_coding_of_a_code_to_the_other_in_its_source_stream_and_removes_the_code()
    {
        var (ada, bob, cy, projectId) = await Team();
        var anger = await CreateCode(ada, projectId, "Anger");
        var fear = await CreateCode(ada, projectId, "Fear");
        var joy = await CreateCode(ada, projectId, "Joy");
        var interview = await Store.AddSource(projectId, ada, Transcript);
        var diary = await Store.AddSource(projectId, ada, "Angry again today.", "Diary");
        var angry = await Store.Code(projectId, interview, anger, bob, 19, 24);
        var angryAgain = await Store.Code(projectId, diary, anger, cy, 0, 5);
        var scared = await Store.Code(projectId, interview, fear, cy, 6, 12);
        var tired = await Store.Code(projectId, interview, joy, bob, 36, 41);

        var merged = (await ada.Post($"/api/projects/{projectId}/codes/{anger}/merge", new { intoCodeId = fear, expectedVersion = 3 })).ShouldBe(HttpStatusCode.OK);

        Assert.Equal((fear, 3, 4L), (merged.Guid("id"), merged["codingCount"].GetValue<int>(), merged["version"].GetValue<long>()));
        var segments = await Store.Segments(projectId);
        Assert.Equal([(scared, fear), (angry, fear), (tired, joy), (angryAgain, fear)], segments.OrderBy(s => s.SourceId == diary).ThenBy(s => s.Start).Select(s => (s.Id, s.CodeId)));
        Assert.Contains(await Store.EventsOf(interview), e => e is SegmentRecoded r && r.SegmentId == angry && r.CodeId == fear && r.Actor.AccountId == ada.AccountId);
        Assert.Contains(await Store.EventsOf(diary), e => e is SegmentRecoded r && r.SegmentId == angryAgain && r.CodeId == fear);
        (await ada.Get($"/api/projects/{projectId}/codes/{anger}")).ShouldBe(HttpStatusCode.NotFound, "CODE/NOT_FOUND");
        Assert.Equal(["Fear", "Joy"], (await ada.Get($"/api/projects/{projectId}/codes")).Json!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task merging_joins_the_overlapping_codings_of_one_coder_and_keeps_the_earlier_one()
    {
        var (ada, bob, cy, projectId) = await Team();
        var anger = await CreateCode(ada, projectId, "Anger");
        var fear = await CreateCode(ada, projectId, "Fear");
        var interview = await Store.AddSource(projectId, ada, Transcript);
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var scared = await Store.Code(projectId, interview, fear, bob, 6, 12, memo: "Night shifts.", at: start);
        var angry = await Store.Code(projectId, interview, anger, bob, 10, 24, memo: "Management.", importance: 2, at: start.AddMinutes(1));
        var cysAngry = await Store.Code(projectId, interview, anger, cy, 8, 20, at: start.AddMinutes(2));
        var diary = await Store.AddSource(projectId, ada, "Scared again today.", "Diary");
        var scaredAgain = await Store.Code(projectId, diary, fear, bob, 0, 6, at: start);

        (await ada.Post($"/api/projects/{projectId}/codes/{anger}/merge", new { intoCodeId = fear })).ShouldBe(HttpStatusCode.OK);

        var segments = (await Store.Segments(projectId)).ToDictionary(s => s.Id);
        Assert.Equal(new[] { scared, cysAngry, scaredAgain }.Order(), segments.Keys.Order());
        var joined = segments[scared];
        Assert.Equal((fear, bob.AccountId, 6, 24, "scared, then angry"), (joined.CodeId, joined.CoderId, joined.Start, joined.End, joined.Quote));
        Assert.Equal(("Night shifts.\n\nManagement.", 2), (joined.Memo, joined.Importance));
        Assert.Equal((fear, 8, 20), (segments[cysAngry].CodeId, segments[cysAngry].Start, segments[cysAngry].End));
        Assert.Contains(await Store.EventsOf(interview), e => e is SegmentUncoded u && u.SegmentId == angry);
        var merged = (await ada.Get($"/api/projects/{projectId}/codes/{fear}")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(3, merged["codingCount"].GetValue<int>());
        Assert.DoesNotContain(await Store.EventsOf(diary), e => e is not SourceAdded and not SegmentCoded);
    }

    [Fact]
    public async Task a_coding_added_to_a_source_after_its_stream_was_fetched_fails_the_change_instead_of_being_missed()
    {
        var (ada, bob, _, projectId) = await Team();
        var anger = await CreateCode(ada, projectId, "Anger");
        var interview = await Store.AddSource(projectId, ada, Transcript);
        await Store.Code(projectId, interview, anger, bob, 19, 24);
        await using var session = App.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var sources = await CodingStreams.FetchAsync(session, projectId, [interview], [anger], CancellationToken.None);

        await Store.Code(projectId, interview, anger, bob, 36, 41);
        sources.Append(DeleteCodeHandler.Uncode(sources.Codings, new Actor(ada.AccountId), DateTimeOffset.UtcNow));

        var lost = await Assert.ThrowsAnyAsync<Exception>(() => session.SaveChangesAsync());
        Assert.True(ProblemResponses.IsLostRace(lost), lost.ToString());
        Assert.Equal(2, (await Store.Segments(projectId)).Count);
    }

    [Fact]
    public async Task a_merge_into_itself_or_with_an_unknown_code_is_refused_and_changes_nothing()
    {
        var (ada, _, cy, projectId) = await Team();
        var anger = await CreateCode(ada, projectId, "Anger");
        var fear = await CreateCode(ada, projectId, "Fear");
        var interview = await Store.AddSource(projectId, ada, Transcript);
        await Store.Code(projectId, interview, anger, cy, 19, 24);
        var merge = $"/api/projects/{projectId}/codes/{anger}/merge";

        (await ada.Post(merge, new { intoCodeId = anger })).ShouldBe(HttpStatusCode.UnprocessableEntity, "CODES_NOT_MERGED/SAME_CODE");
        (await ada.Post(merge, new { intoCodeId = Guid.NewGuid() })).ShouldBe(HttpStatusCode.NotFound, "CODES_NOT_MERGED/NOT_FOUND");
        (await ada.Post($"/api/projects/{projectId}/codes/{Guid.NewGuid()}/merge", new { intoCodeId = fear })).ShouldBe(HttpStatusCode.NotFound, "CODES_NOT_MERGED/NOT_FOUND");
        (await cy.Post(merge, new { intoCodeId = fear })).ShouldBe(HttpStatusCode.Forbidden, "CODES_NOT_MERGED/FORBIDDEN");
        (await ada.Post(merge, new { })).ShouldBe(HttpStatusCode.BadRequest, "REQUEST/MALFORMED");

        Assert.Equal(anger, Assert.Single(await Store.Segments(projectId)).CodeId);
        Assert.Equal(2, (await ada.Get($"/api/projects/{projectId}/codebook"))["version"].GetValue<long>());
    }

    [Fact]
    public async Task a_code_with_codings_is_deleted_only_with_its_codings()
    {
        var (ada, bob, cy, projectId) = await Team();
        var anger = await CreateCode(ada, projectId, "Anger");
        var fear = await CreateCode(ada, projectId, "Fear");
        var interview = await Store.AddSource(projectId, ada, Transcript);
        var diary = await Store.AddSource(projectId, ada, "Angry again today.", "Diary");
        var angry = await Store.Code(projectId, interview, anger, bob, 19, 24);
        var angryAgain = await Store.Code(projectId, diary, anger, cy, 0, 5);
        var scared = await Store.Code(projectId, interview, fear, cy, 6, 12);
        var url = $"/api/projects/{projectId}/codes/{anger}";

        var refused = (await ada.Delete(url)).ShouldBe(HttpStatusCode.Conflict, "CODE_NOT_DELETED/HAS_REFERENCES");
        Assert.Contains("2 codings", refused.String("detail"));
        (await ada.Delete($"{url}?deleteCodings=false")).ShouldBe(HttpStatusCode.Conflict, "CODE_NOT_DELETED/HAS_REFERENCES");
        (await cy.Delete($"{url}?deleteCodings=true")).ShouldBe(HttpStatusCode.Forbidden, "CODE_NOT_DELETED/FORBIDDEN");
        Assert.Equal(3, (await Store.Segments(projectId)).Count);
        (await ada.Get(url)).ShouldBe(HttpStatusCode.OK);

        (await ada.Delete($"{url}?deleteCodings=true")).ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal(scared, Assert.Single(await Store.Segments(projectId)).Id);
        Assert.Contains(await Store.EventsOf(interview), e => e is SegmentUncoded u && u.SegmentId == angry && u.Actor.AccountId == ada.AccountId);
        Assert.Contains(await Store.EventsOf(diary), e => e is SegmentUncoded u && u.SegmentId == angryAgain);
        (await ada.Get(url)).ShouldBe(HttpStatusCode.NotFound, "CODE/NOT_FOUND");
        Assert.Equal(3, (await ada.Get($"/api/projects/{projectId}/codebook"))["version"].GetValue<long>());
    }

    [Fact]
    public async Task a_code_without_codings_is_deleted_at_once()
    {
        var (ada, _, _, projectId) = await Team();
        var anger = await CreateCode(ada, projectId, "Anger");
        var url = $"/api/projects/{projectId}/codes/{anger}";

        (await ada.Delete(url)).ShouldBe(HttpStatusCode.NoContent);

        (await ada.Delete(url)).ShouldBe(HttpStatusCode.NotFound, "CODE_NOT_DELETED/NOT_FOUND");
        Assert.Empty((await ada.Get($"/api/projects/{projectId}/codes")).Json!.AsArray());
    }
}
