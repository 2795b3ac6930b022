using System.Text;
using Marten;
using Marten.Services.BatchQuerying;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources.Import;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Sources;

/// <summary>
/// Adds a text source: pasted (format "text") here, or read from a file by <see cref="UploadSource"/>. MaxBytes is
/// the server's limit on a source's text (UTF-8), which the text read out of a small compressed file can exceed.
/// </summary>
public sealed record AddSource(
    Guid ProjectId, Guid SourceId, string Name, string Text, string Format, string? Memo, string? Origin, Guid? FolderId, long MaxBytes, Actor Actor);

public sealed record AddSourceRequest(string Name, string Content, string? Memo = null, string? Origin = null, Guid? FolderId = null);

public static class AddSourceHandler
{
    public const int MaxNameLength = 255;
    public const int MaxOriginLength = 1000;
    public const string PastedFormat = "text";
    private const string Refused = "SOURCE_NOT_ADDED";

    /// <param name="folders">The project's folder tree; null until its first folder.</param>
    /// <param name="sameNames">Names of the project's sources that may clash with the new one.</param>
    public static Decision Decide(Project? project, FolderTree? folders, IReadOnlyCollection<string> sameNames, AddSource command, DateTimeOffset now)
    {
        if (ProjectAccess.Require(project, command.Actor, ProjectRole.Editor, Refused) is { } denied)
        {
            return denied;
        }

        if (Names.Check(command.Name, MaxNameLength, Refused, "source name", out var name) is { } badName)
        {
            return badName;
        }

        // Line endings are normalised here, once: every offset into the text is counted on this form.
        var text = LineEndings.Normalise(command.Text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > command.MaxBytes)
        {
            return DomainError.TooLarge($"{Refused}/TOO_LARGE", $"The source's text has {bytes} bytes; this server accepts at most {command.MaxBytes} bytes per source.");
        }

        if (CheckText(text) is { } badText)
        {
            return badText;
        }

        if (CheckOrigin(command.Origin, Refused, out var origin) is { } badOrigin)
        {
            return badOrigin;
        }

        if (Memos.Check(command.Memo, Refused, out var memo) is { } badMemo)
        {
            return badMemo;
        }

        if (command.FolderId is { } folderId && folders?.Find(folderId) is null)
        {
            return SourceAccess.FolderNotFound(Refused);
        }

        return SourceAccess.IsTaken(name, sameNames)
            ? SourceAccess.DuplicateName(Refused, name)
            : Decision.Accept(new SourceAdded(
                command.ProjectId, command.SourceId, name, text, command.Format, memo, origin, command.FolderId,
                command.Actor, now));
    }

    /// <summary>A source needs visible text, and text PostgreSQL can store: no NUL, no broken surrogate pair.</summary>
    public static DomainError? CheckText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DomainError.Invalid($"{Refused}/EMPTY_CONTENT", "The source has no text.");
        }

        return text.Contains('\0') || !HasWholeSurrogatePairs(text)
            ? DomainError.Invalid($"{Refused}/INVALID_TEXT", "The text contains characters that are not text (NUL or a broken surrogate pair).")
            : null;
    }

    public static DomainError? CheckOrigin(string? raw, string codePrefix, out string origin)
    {
        origin = (raw ?? "").Trim();
        var length = CodePointText.CountCodePoints(origin);
        return length > MaxOriginLength
            ? DomainError.Invalid($"{codePrefix}/ORIGIN_TOO_LONG", $"The origin has {length} characters; at most {MaxOriginLength} are allowed.")
            : null;
    }

    private static bool HasWholeSurrogatePairs(string text)
    {
        var rest = text.AsSpan();
        for (var at = rest.IndexOfAnyInRange('\uD800', '\uDFFF'); at >= 0; at = rest.IndexOfAnyInRange('\uD800', '\uDFFF'))
        {
            if (!char.IsHighSurrogate(rest[at]) || at + 1 == rest.Length || !char.IsLowSurrogate(rest[at + 1]))
            {
                return false;
            }

            rest = rest[(at + 2)..];
        }

        return true;
    }

    /// <summary>Loads what <see cref="Decide"/> needs and decides; an agent's dry run stops here, the handler appends.</summary>
    public static async Task<Decision> DecideAsync(AddSource command, IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var project = batch.Load<Project>(command.ProjectId);
        var folders = batch.Load<FolderTree>(ProjectStreams.FoldersOf(command.ProjectId));
        var sameNames = SourcesNamed(batch, command.ProjectId, command.SourceId, command.Name);
        await batch.Execute(ct);
        return Decide(await project, await folders, await sameNames, command, now);
    }

    public static async Task<CommandOutcome> Handle(AddSource command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (command.FolderId is not null)
        {
            // So the folder cannot be deleted between being found here and the source landing in it.
            await StreamLocks.ShareAsync(session, ProjectStreams.FoldersOf(command.ProjectId), ct);
        }

        var decision = await DecideAsync(command, session, clock.GetUtcNow(), ct);
        if (decision.Error is { } error)
        {
            return CommandOutcome.Rejected(error);
        }

        session.Events.StartStream<Source>(command.SourceId, [.. decision.Events]);
        return CommandOutcome.Accepted(decision.Events.Count);
    }

    /// <summary>
    /// The names of the project's other live sources equal to <paramref name="name"/> ignoring case: one lookup on the
    /// expression the unique index covers, rather than every name in the project. The index still settles races.
    /// </summary>
    internal static Task<IReadOnlyList<string>> SourcesNamed(IBatchedQuery batch, Guid projectId, Guid exceptSourceId, string? name)
    {
        var key = SourceAccess.NameKey(name);
        return batch.Query<Source>()
            .Where(s => s.ProjectId == projectId && s.Id != exceptSourceId && s.NameKey == key)
            .Select(s => s.Name)
            .ToList();
    }

    /// <summary>Sends the command and answers 201 with the new source, or the refusal.</summary>
    internal static async Task<IResult> SendAsync(AddSource command, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        if (outcome.Error is { } error)
        {
            return error.ToProblem();
        }

        var source = await session.LoadAsync<Source>(command.SourceId, ct);
        return TypedResults.Created($"/api/projects/{command.ProjectId}/sources/{command.SourceId}", SourceView.Of(source!, codingCount: 0, outcome.Version));
    }

    internal static void Map(RouteGroupBuilder sources) => sources
        .MapPost("/", async (Guid projectId, AddSourceRequest body, HttpContext http, IMessageBus bus, IQuerySession session, IConfiguration configuration, CancellationToken ct) =>
        {
            var command = new AddSource(
                projectId, Guid.CreateVersion7(), body.Name, body.Content, PastedFormat, body.Memo, body.Origin, body.FolderId,
                SourceSize.MaxBytes(configuration), http.User.ToActor());
            return await SendAsync(command, bus, session, ct);
        })
        .WithMetadata(SourceSize.RequestLimit(sources))
        .WithName("AddSource")
        .WithSummary("Adds a text source from pasted text (editors and owners). Line endings become \\n; the text never changes afterwards.")
        .Produces<SourceView>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
