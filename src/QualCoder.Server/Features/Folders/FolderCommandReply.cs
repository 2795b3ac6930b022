using Marten;
using QualCoder.Server.Domain;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Folders;

/// <summary>How renaming and moving a folder answer over HTTP: the problem, or the folder as it is now.</summary>
internal static class FolderCommandReply
{
    public static async Task<IResult> SendAsync(
        this IMessageBus bus, object command, Guid projectId, Guid folderId, IQuerySession session, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<CommandOutcome>(command, ct);
        return outcome.Error is { } error
            ? error.ToProblem()
            : Replies.OkOrGone(await FolderReply.LoadAsync(session, projectId, folderId, ct));
    }
}
