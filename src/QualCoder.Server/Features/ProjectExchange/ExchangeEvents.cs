using Marten;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.History;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using QualCoder.Server.Features.Suggestions;

namespace QualCoder.Server.Features.ProjectExchange;

/// <summary>What an import does with one kind of event.</summary>
public enum ImportTreatment
{
    /// <summary>Appended with new ids, as it happened.</summary>
    Replay,

    /// <summary>The project's creation: made by the importer, who so becomes its only owner.</summary>
    ReplayAsImporter,

    /// <summary>
    /// Left out: membership (the members' accounts are on the other server) and restore markers (their version numbers
    /// and sequences point into the other server's history; the compensating events they mark are replayed).
    /// </summary>
    Skip,

    /// <summary>Refused: a deleted project is never exported, so a file that deletes it is not an export.</summary>
    Refuse,
}

/// <summary>
/// Every kind of event a project's history holds, and how an import treats it. A kind not listed (from a newer
/// server) refuses the whole file: replaying only what we know would build a different project. A test holds every
/// project event type of the server to be listed here.
/// </summary>
public static class ExchangeEvents
{
    public static readonly IReadOnlyDictionary<Type, ImportTreatment> Treatments = new Dictionary<Type, ImportTreatment>
    {
        [typeof(ProjectCreated)] = ImportTreatment.ReplayAsImporter,
        [typeof(ProjectRenamed)] = ImportTreatment.Replay,
        [typeof(ProjectDescribed)] = ImportTreatment.Replay,
        [typeof(ProjectDeleted)] = ImportTreatment.Refuse,
        [typeof(MemberAdded)] = ImportTreatment.Skip,
        [typeof(MemberRoleChanged)] = ImportTreatment.Skip,
        [typeof(MemberRemoved)] = ImportTreatment.Skip,
        [typeof(ProjectRestored)] = ImportTreatment.Skip,
        [typeof(FolderCreated)] = ImportTreatment.Replay,
        [typeof(FolderRenamed)] = ImportTreatment.Replay,
        [typeof(FolderMoved)] = ImportTreatment.Replay,
        [typeof(FolderDeleted)] = ImportTreatment.Replay,
        [typeof(SourceAdded)] = ImportTreatment.Replay,
        [typeof(SourceRenamed)] = ImportTreatment.Replay,
        [typeof(SourceMemoChanged)] = ImportTreatment.Replay,
        [typeof(SourceOriginChanged)] = ImportTreatment.Replay,
        [typeof(SourceMovedToFolder)] = ImportTreatment.Replay,
        [typeof(SourceDeleted)] = ImportTreatment.Replay,
        [typeof(SourceRestored)] = ImportTreatment.Replay,
        [typeof(CodeCreated)] = ImportTreatment.Replay,
        [typeof(CodeRenamed)] = ImportTreatment.Replay,
        [typeof(CodeRecoloured)] = ImportTreatment.Replay,
        [typeof(CodeMemoChanged)] = ImportTreatment.Replay,
        [typeof(CodeMoved)] = ImportTreatment.Replay,
        [typeof(CodesMerged)] = ImportTreatment.Replay,
        [typeof(CodeDeleted)] = ImportTreatment.Replay,
        [typeof(CategoryCreated)] = ImportTreatment.Replay,
        [typeof(CategoryRenamed)] = ImportTreatment.Replay,
        [typeof(CategoryMoved)] = ImportTreatment.Replay,
        [typeof(CategoryMemoChanged)] = ImportTreatment.Replay,
        [typeof(CategoryDeleted)] = ImportTreatment.Replay,
        [typeof(SegmentCoded)] = ImportTreatment.Replay,
        [typeof(SegmentUncoded)] = ImportTreatment.Replay,
        [typeof(SegmentMemoChanged)] = ImportTreatment.Replay,
        [typeof(SegmentImportanceSet)] = ImportTreatment.Replay,
        [typeof(SegmentResized)] = ImportTreatment.Replay,
        [typeof(SegmentRecoded)] = ImportTreatment.Replay,
        [typeof(CodeSuggested)] = ImportTreatment.Replay,
        [typeof(CodingSuggested)] = ImportTreatment.Replay,
        [typeof(MergeSuggested)] = ImportTreatment.Replay,
        [typeof(SourceMetadataSuggested)] = ImportTreatment.Replay,
        [typeof(SuggestionApproved)] = ImportTreatment.Replay,
        [typeof(SuggestionApprovalFailed)] = ImportTreatment.Replay,
        [typeof(SuggestionRejected)] = ImportTreatment.Replay,
    };

    /// <summary>The listed kinds by the type name the store gives them in its events table (and so in an export).</summary>
    public static IReadOnlyDictionary<string, (Type Type, ImportTreatment Treatment)> ByStoredName(IReadOnlyStoreOptions store) =>
        store.Events.AllKnownEventTypes()
            .Where(known => Treatments.ContainsKey(known.EventType))
            .ToDictionary(known => known.EventTypeName, known => (known.EventType, Treatments[known.EventType]));
}
