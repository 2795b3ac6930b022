using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

public sealed record ChangeCodeMemo(Guid ProjectId, Guid CodeId, string? Memo, long? ExpectedVersion, Actor Actor);

public sealed record ChangeCodeMemoRequest(string? Memo, long? ExpectedVersion = null);

public static class ChangeCodeMemoHandler
{
    private const string Refused = "CODE_MEMO_NOT_CHANGED";

    public static Decision Decide(Project? project, Codebook? codebook, ChangeCodeMemo command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCode(command.CodeId) is not { } code)
        {
            return CodebookRules.CodeNotFound(Refused);
        }

        if (Memos.Check(command.Memo, Refused, out var memo) is { } invalid)
        {
            return invalid;
        }

        return memo == code.Memo
            ? Decision.Accept()
            : Decision.Accept(new CodeMemoChanged(command.ProjectId, code.Id, memo, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(ChangeCodeMemo command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPut("/codes/{codeId:guid}/memo", (Guid projectId, Guid codeId, ChangeCodeMemoRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendForCodeAsync(new ChangeCodeMemo(projectId, codeId, body.Memo, body.ExpectedVersion, actor), projectId, codeId, actor, session, ct);
        })
        .WithName("ChangeCodeMemo")
        .WithSummary("Sets a code's memo (up to 10,000 characters); null or blank clears it (editors and owners).")
        .Produces<CodeView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
