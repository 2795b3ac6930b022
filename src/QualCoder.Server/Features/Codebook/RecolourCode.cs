using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Projects;
using Wolverine;

namespace QualCoder.Server.Features.Codebook;

public sealed record RecolourCode(Guid ProjectId, Guid CodeId, string Color, long? ExpectedVersion, Actor Actor);

public sealed record RecolourCodeRequest(string Color, long? ExpectedVersion = null);

public static class RecolourCodeHandler
{
    private const string Refused = "CODE_NOT_RECOLOURED";

    public static Decision Decide(Project? project, Codebook? codebook, RecolourCode command, DateTimeOffset now)
    {
        if (CodebookRules.Open(project, codebook, command.Actor, Refused, out var book) is { } denied)
        {
            return denied;
        }

        if (book.FindCode(command.CodeId) is not { } code)
        {
            return CodebookRules.CodeNotFound(Refused);
        }

        if (CodebookRules.CheckColor(command.Color, Refused, out var color) is { } invalid)
        {
            return invalid;
        }

        return color == code.Color
            ? Decision.Accept()
            : Decision.Accept(new CodeRecoloured(command.ProjectId, code.Id, color, command.Actor, now));
    }

    public static Task<CommandOutcome> Handle(RecolourCode command, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        session.DecideInProjectAsync<Codebook>(
            command.ProjectId, ProjectStreams.CodebookOf(command.ProjectId), command.ExpectedVersion,
            (p, cb) => Decide(p, cb, command, clock.GetUtcNow()), ct);

    internal static void Map(RouteGroupBuilder project) => project
        .MapPut("/codes/{codeId:guid}/color", (Guid projectId, Guid codeId, RecolourCodeRequest body, HttpContext http, IMessageBus bus, IQuerySession session, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            return bus.SendForCodeAsync(new RecolourCode(projectId, codeId, body.Color, body.ExpectedVersion, actor), projectId, codeId, actor, session, ct);
        })
        .WithName("RecolourCode")
        .WithSummary("Gives a code another colour, #RGB or #RRGGBB (editors and owners).")
        .Produces<CodeView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
