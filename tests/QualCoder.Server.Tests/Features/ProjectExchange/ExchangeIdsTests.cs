using System.Text.Json;
using System.Text.Json.Nodes;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.ProjectExchange;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Suggestions;

namespace QualCoder.Server.Tests.Features.ProjectExchange;

public class ExchangeIdsTests
{
    private static readonly Guid OldProject = Guid.CreateVersion7();
    private static readonly Guid NewProject = Guid.CreateVersion7();
    private static readonly Guid Exporter = Guid.CreateVersion7();
    private static readonly Guid Importer = Guid.CreateVersion7();
    private static readonly Guid OtherCoder = Guid.CreateVersion7();
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static ExchangeIds Ids() => new(OldProject, NewProject, Exporter, Importer, Guid.CreateVersion7);

    private static JsonObject Data(object @event) => JsonSerializer.SerializeToNode(@event, @event.GetType(), JsonSerializerOptions.Web)!.AsObject();

    private static T Remapped<T>(ExchangeIds ids, T @event) => ids.Remap(Data(@event!)).Deserialize<T>(JsonSerializerOptions.Web)!;

    [Fact]
    public void every_entity_id_is_new_and_the_same_id_maps_the_same_way_everywhere()
    {
        var ids = Ids();
        var (source, segment, code) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        var coded = Remapped(ids, new SegmentCoded(OldProject, source, segment, code, 0, 5, "Hello", "", 0, new Actor(OtherCoder), At));
        var recoded = Remapped(ids, new SegmentRecoded(OldProject, source, segment, code, new Actor(OtherCoder), At));

        Assert.Equal(NewProject, coded.ProjectId);
        Assert.DoesNotContain(coded.SourceId, new[] { source, segment, code });
        Assert.Equal(3, new[] { coded.SourceId, coded.SegmentId, coded.CodeId }.Distinct().Count());
        Assert.Equal((coded.SourceId, coded.SegmentId, coded.CodeId), (recoded.SourceId, recoded.SegmentId, recoded.CodeId));
        Assert.Equal(coded.SourceId, ids.Entity(source));
        Assert.Equal(("Hello", 0, 5, At), (coded.Quote, coded.Start, coded.End, coded.At));
    }

    [Fact]
    public void the_project_and_its_derived_streams_follow_the_new_project_id()
    {
        var ids = Ids();

        Assert.Equal(NewProject, ids.Entity(OldProject));
        Assert.Equal(ProjectStreams.CodebookOf(NewProject), ids.Entity(ProjectStreams.CodebookOf(OldProject)));
        Assert.Equal(ProjectStreams.FoldersOf(NewProject), ids.Entity(ProjectStreams.FoldersOf(OldProject)));
    }

    [Fact]
    public void the_exporter_becomes_the_importer_and_every_other_account_a_new_id_of_its_own()
    {
        var ids = Ids();
        var third = Guid.CreateVersion7();

        Assert.Equal(Importer, ids.Account(Exporter));
        var other = ids.Account(OtherCoder);
        Assert.NotEqual(OtherCoder, other);
        Assert.NotEqual(Importer, other);
        Assert.Equal(other, ids.Account(OtherCoder));
        Assert.NotEqual(other, ids.Account(third));
    }

    [Fact]
    public void a_restored_codings_coder_is_an_account_like_its_actor()
    {
        var ids = Ids();

        var restored = Remapped(ids, new SegmentCoded(
            OldProject, Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), 0, 5, "Hello", "", 0, new Actor(Exporter), At, CoderId: OtherCoder));

        Assert.Equal(Importer, restored.Actor.AccountId);
        Assert.Equal(ids.Account(OtherCoder), restored.CoderId);
    }

    [Fact]
    public void the_actor_keeps_its_agent_session_and_gets_the_mapped_account()
    {
        var ids = Ids();
        var agent = new AgentSession("session-1", "claude-code", "2.0");

        var rejected = Remapped(ids, new SuggestionRejected(OldProject, Guid.CreateVersion7(), "wrong", "", new Actor(Exporter, agent), At));

        Assert.Equal(new Actor(Importer, agent), rejected.Actor);
    }

    [Fact]
    public void absent_optional_ids_stay_absent_and_present_ones_are_mapped()
    {
        var ids = Ids();
        var (suggestion, source, code) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());

        var suggested = Remapped(ids, new CodingSuggested(
            OldProject, suggestion, null, source, "Interview", code, "Joy", 0, 5, "Hello", "", " world", 80, "why", new Actor(Exporter), At));

        Assert.Null(suggested.BatchId);
        Assert.Equal((ids.Entity(suggestion), ids.Entity(source), ids.Entity(code)), (suggested.SuggestionId, suggested.SourceId, suggested.CodeId));
    }

    [Fact]
    public void a_text_that_happens_to_be_an_id_is_left_alone()
    {
        var ids = Ids();
        var code = Guid.CreateVersion7();
        var data = new JsonObject { ["projectId"] = OldProject.ToString(), ["codeId"] = code.ToString(), ["memo"] = code.ToString(), ["codeIds"] = new JsonArray(code.ToString()) };

        ids.Remap(data);

        Assert.Equal(code.ToString(), data["memo"]!.GetValue<string>());
        Assert.Equal(ids.Entity(code).ToString(), data["codeId"]!.GetValue<string>());
        Assert.Equal(ids.Entity(code).ToString(), data["codeIds"]![0]!.GetValue<string>());
    }
}
