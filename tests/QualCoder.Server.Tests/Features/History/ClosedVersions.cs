using System.Diagnostics;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using QualCoder.Server.Features.History;
using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.History;

/// <summary>Waits for the batcher to close the project's changes so far into a version.</summary>
internal static class ClosedVersions
{
    /// <summary>Waits (at most 15 s) until the newest version covers the project's last event, and answers its number.</summary>
    public static async Task<int> CloseAsync(QualCoderApp app, Guid projectId)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession();
            var events = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_events";
            var last = (await session.AdvancedSql.QueryAsync<long>(
                $"select coalesce(max(seq_id), 0) from {events} where data ->> 'projectId' = ?", CancellationToken.None, projectId.ToString()))[0];
            if (await VersionLookup.NewestAsync(session, projectId, CancellationToken.None) is { } newest && newest.ToSequence >= last)
            {
                return newest.Number;
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"No version closed over sequence {last} within 15 s.");
            await Task.Delay(25);
        }
    }
}
