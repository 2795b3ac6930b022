using Marten;
using Marten.Events.Projections;
using QualCoder.Server.Features.Sources;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace QualCoder.Server.Features.Search;

/// <summary>
/// The table of every source's passages that search reads, created and kept up to date by Marten's schema
/// management like its own tables. The words of each passage are stored as a full-text vector ('simple': no
/// stemming and no stop words, as interviews come in many languages), so ranking does not parse the text again.
/// There is deliberately no index a search could use to find a project's passages by project alone (no btree on
/// project_id, no project column in the GIN indexes): the planner prices the trigram match like an equality test
/// and would then run it on every passage of the project, 170-550 ms on 200 sources of 5,000 characters against
/// 5-60 ms from the GIN indexes (measured). The project is a filter on what the GIN indexes find, so matches in
/// other projects are looked at too: the cost grows with the whole server's text, not only the project's.
/// </summary>
public static class SourcePassages
{
    public const string TableName = "source_passage";

    public static string QualifiedName(IReadOnlyStoreOptions store) => $"{store.DatabaseSchemaName}.{TableName}";

    /// <summary>
    /// Inserts passages as parallel arrays (source, start, end, text): one statement for a transcript's hundreds of
    /// passages, or for every source of a project. A passage already there is kept: two searches may build the same.
    /// </summary>
    public static string InsertSql(string table) =>
        $"insert into {table} (source_id, project_id, start_pos, end_pos, text) " +
        "select p.source_id, ?, p.start_pos, p.end_pos, p.text " +
        "from unnest(?::uuid[], ?::integer[], ?::integer[], ?::text[]) as p(source_id, start_pos, end_pos, text) " +
        "on conflict do nothing";

    public static object[] InsertParameters(Guid projectId, IReadOnlyList<(Guid SourceId, Passage Passage)> passages) =>
    [
        projectId,
        passages.Select(p => p.SourceId).ToArray(),
        passages.Select(p => p.Passage.Start).ToArray(),
        passages.Select(p => p.Passage.End).ToArray(),
        passages.Select(p => p.Passage.Text).ToArray(),
    ];

    public static IReadOnlyList<(Guid SourceId, Passage Passage)> Of(Guid sourceId, string text) => [.. Passages.Split(text).Select(p => (sourceId, p))];

    /// <summary>
    /// Sources added before search existed have no passages: the first search of their project builds them (one
    /// query for the texts that lack them, one insert), so no start-up backfill runs over every project.
    /// A text of only white space has none to build and is looked at again by each search, which costs little. A
    /// source deleted while its passages are built may leave them behind; the search joins live sources only.
    /// </summary>
    public static async Task BuildMissingAsync(IQuerySession session, Guid projectId, string table, CancellationToken ct)
    {
        var lacking = await session.QueryAsync<SourceText>(
            $"where d.project_id = ? and not exists (select 1 from {table} p where p.source_id = d.id) and d.data ->> 'text' ~ '\\S'",
            ct, projectId);
        if (lacking.Count == 0)
        {
            return;
        }

        await using var writer = session.DocumentStore.LightweightSession();
        writer.QueueSqlCommand(InsertSql(table), InsertParameters(projectId, [.. lacking.SelectMany(t => Of(t.Id, t.Text))]));
        await writer.SaveChangesAsync(ct);
    }

    public static void AddTable(StoreOptions store)
    {
        var table = new Table(new PostgresqlObjectName(store.DatabaseSchemaName, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("source_id").AsPrimaryKey();
        table.AddColumn<int>("start_pos").AsPrimaryKey();
        table.AddColumn<int>("end_pos").NotNull();
        table.AddColumn<Guid>("project_id").NotNull();
        table.AddColumn<string>("text").NotNull();
        table.AddColumn("words", "tsvector").GeneratedAs("to_tsvector('simple'::regconfig, text)");
        table.Indexes.Add(Gin($"{TableName}_words", "words"));
        table.Indexes.Add(Gin($"{TableName}_trigrams", "text gin_trgm_ops"));
        store.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        store.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>
    /// A GIN index on <paramref name="column"/>. Without fastupdate, a new source's entries go straight
    /// into the index rather than a pending list that every search would scan until the next vacuum (and which led
    /// the planner away from the index: 300 ms against 20 ms, measured).
    /// </summary>
    private static IndexDefinition Gin(string name, string column)
    {
        var index = new IndexDefinition(name) { Method = IndexMethod.gin, Columns = [column] };
        index.StorageParameters["fastupdate"] = "off";
        return index;
    }
}

/// <summary>
/// Writes a source's passages when it is added and removes them when it is deleted, in the append's transaction.
/// SQL rather than documents: plain columns (and the stored vector) are what the GIN indexes need, and one
/// statement stores a transcript's hundreds of passages.
/// </summary>
public sealed partial class SourcePassagesProjection(string table) : EventProjection
{
    public void Project(SourceAdded e, IDocumentOperations operations) =>
        operations.QueueSqlCommand(SourcePassages.InsertSql(table), SourcePassages.InsertParameters(e.ProjectId, SourcePassages.Of(e.SourceId, e.Text)));

    public void Project(SourceDeleted e, IDocumentOperations operations) =>
        operations.QueueSqlCommand($"delete from {table} where source_id = ?", e.SourceId);

    public async Task Project(SourceRestored e, IDocumentOperations operations, CancellationToken ct)
    {
        if (await SourceRestoredText.AddedAsync(operations, e, ct) is { } added)
        {
            Project(added, operations);
        }
    }
}
