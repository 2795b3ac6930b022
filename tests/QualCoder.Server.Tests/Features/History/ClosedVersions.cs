using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Features.History;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.History;

/// <summary>Closes a project's open window into a version now, as the batcher would after its quiet time, so tests need not wait for it.</summary>
internal static class ClosedVersions
{
    public static async Task<int> CloseAsync(QualCoderApp app, Guid projectId)
    {
        await using var session = app.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        var events = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events";
        var last = (await session.AdvancedSql.QueryAsync<long>(
            $"select coalesce(max(seq_id), 0) from {events} where data ->> 'projectId' = ?", CancellationToken.None, projectId.ToString()))[0];
        var newest = await VersionLookup.NewestAsync(session, projectId, CancellationToken.None);
        if (newest is not null && newest.ToSequence >= last)
        {
            return newest.Number;
        }

        var number = (newest?.Number ?? 0) + 1;
        var now = DateTimeOffset.UtcNow;
        session.Store(new ProjectVersion(
            ProjectVersion.IdOf(projectId, number), projectId, number, (newest?.ToSequence ?? 0) + 1, last, 1, now, now, [], new Dictionary<string, int>(), "", null));
        await session.SaveChangesAsync();
        return number;
    }
}
