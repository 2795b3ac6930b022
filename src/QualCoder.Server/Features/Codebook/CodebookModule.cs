using JasperFx.Events.Projections;
using Marten;

namespace QualCoder.Server.Features.Codebook;

/// <summary>Codes and categories: one codebook stream per project.</summary>
public static class CodebookModule
{
    public static void ConfigureCodebook(this StoreOptions store) =>
        store.Projections.Snapshot<Codebook>(SnapshotLifecycle.Inline);
}
