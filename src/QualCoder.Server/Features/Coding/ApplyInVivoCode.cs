using System.Text.RegularExpressions;
using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

/// <summary>In-vivo coding: the selected words become a code's name, and the selection is coded with it, in one step.</summary>
public sealed record ApplyInVivoCode(Guid ProjectId, Guid SourceId, SegmentAnchor Anchor, Guid NewCodeId, Guid SegmentId, Actor Actor);

public sealed record ApplyInVivoCodeRequest(Guid SourceId, int? Start = null, int? End = null, string? Quote = null, int? Occurrence = null);

/// <summary>The coding, and its code (created now, or the existing code of that name).</summary>
public sealed record InVivoReply(Segment Segment, Code Code, bool CodeCreated);

public sealed record InVivoOutcome(DomainError? Error, Segment? Segment, Code? Code, bool CodeCreated);

public static partial class ApplyInVivoCodeHandler
{
    private const string Refused = "IN_VIVO_NOT_CODED";
    private static readonly string[] Palette = ["#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324", "#469990", "#800000"];

    public sealed record InVivoDecision(DomainError? Error, CodeCreated? NewCode, CodingsDecision? Coding, Code? Code);

    public static InVivoDecision Decide(Project? project, Codebook.Codebook? codebook, SourceForCoding? source, ApplyInVivoCode command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Coder, Refused) is { } denied)
        {
            return new(denied, null, null, null);
        }

        if (source is null)
        {
            return new(DomainError.Invalid($"{Refused}/SOURCE_NOT_FOUND", "The project has no source with this id."), null, null, null);
        }

        if (command.Anchor.Resolve(source.Text, Refused, out var span) is { } invalid)
        {
            return new(invalid, null, null, null);
        }

        var words = Whitespace().Replace(source.Text.Slice(span.Start, span.End), " ");
        if (Names.Check(words, CodebookRules.MaxNameLength, Refused, "selection that names the code", out var name) is { } badName)
        {
            return new(badName, null, null, null);
        }

        var existing = codebook?.Codes.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is null && ProjectAccess.Require(project, command.Actor, ProjectRole.Editor, Refused) is { } cannotCreate)
        {
            return new(cannotCreate with { Message = $"There is no code named \"{name}\" yet, and creating codes needs the editor role." }, null, null, null);
        }

        var created = existing is null
            ? new CodeCreated(command.ProjectId, command.NewCodeId, name, ColourFor(name), "", null, command.Actor, now)
            : null;
        var withCode = created is null ? codebook! : (codebook ?? new Codebook.Codebook()).Apply(created);
        var code = withCode.FindCode(existing?.Id ?? command.NewCodeId)!;
        var coding = ApplyCodingsHandler.Decide(
            project,
            withCode,
            new Dictionary<Guid, SourceForCoding> { [source.Source.Id] = source },
            new ApplyCodings(command.ProjectId, [new CodingItem(command.SegmentId, command.SourceId, code.Id, new SegmentAnchor(span.Start, span.End, null, null))], command.Actor),
            now);
        // The coding's refusals are reported under this command's own prefix.
        var refusal = coding.Error ?? coding.Results[0].Error;
        return new(refusal is null ? null : refusal with { Code = Refused + refusal.Code[refusal.Code.IndexOf('/')..] }, created, coding, code);
    }

    public static async Task<InVivoOutcome> Handle(ApplyInVivoCode command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // In-vivo may add a code, so it takes the codebook's lock exclusively rather than sharing it like other codings.
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        var projectLoad = batch.Load<Project>(command.ProjectId);
        var codebookLoad = batch.Events.FetchForExclusiveWriting<Codebook.Codebook>(ProjectStreams.CodebookOf(command.ProjectId));
        await batch.Execute(ct);
        var (project, codebook) = (await projectLoad, await codebookLoad);
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Coder, Refused) is { } denied)
        {
            return new(denied, null, null, false);
        }

        var item = new CodingItem(command.SegmentId, command.SourceId, command.NewCodeId, command.Anchor);
        var loaded = await CodingState.LockSourcesAsync(session, command.ProjectId, [item], command.Actor.AccountId, ct, codebookLocked: true, codeDecidedLater: true);
        var locked = loaded.Sources.GetValueOrDefault(command.SourceId);
        var decision = Decide(project, codebook.Aggregate, locked?.ForCoding, command, clock.GetUtcNow());
        if (decision.Error is { } error)
        {
            return new(error, null, null, false);
        }

        if (decision.NewCode is { } newCode)
        {
            codebook.AppendOne(newCode);
        }

        locked!.Stream.AppendMany(decision.Coding!.Events.ToArray<object>());
        return new(null, decision.Coding.Results[0].Segment, decision.Code, decision.NewCode is not null);
    }

    internal static void Map(RouteGroupBuilder segments) => segments
        .MapPost("/in-vivo", async (Guid projectId, ApplyInVivoCodeRequest body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
        {
            var command = new ApplyInVivoCode(
                projectId, body.SourceId, new SegmentAnchor(body.Start, body.End, body.Quote, body.Occurrence), Guid.CreateVersion7(), Guid.CreateVersion7(), http.User.ToActor());
            var outcome = await bus.InvokeAsync<InVivoOutcome>(command, ct);
            return outcome.Error is { } error
                ? error.ToProblem()
                : TypedResults.Created($"/api/projects/{projectId}/segments/{outcome.Segment!.Id}", new InVivoReply(outcome.Segment, outcome.Code!, outcome.CodeCreated));
        })
        .WithName("ApplyInVivoCode")
        .WithSummary("Codes the selection with a code named after its words, creating that code when the codebook has none of that name.")
        .Produces<InVivoReply>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>A colour picked from the name, the same one every time (string.GetHashCode differs per process).</summary>
    private static string ColourFor(string name) =>
        Palette[(int)(name.ToLowerInvariant().Aggregate(17u, (hash, c) => (hash * 31) + c) % (uint)Palette.Length)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
