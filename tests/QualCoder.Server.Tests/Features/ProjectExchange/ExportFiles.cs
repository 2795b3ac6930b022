using System.Text;
using System.Text.Json.Nodes;
using QualCoder.Server.Features.ProjectExchange;

namespace QualCoder.Server.Tests.Features.ProjectExchange;

/// <summary>Export files written line by line for the reader's tests, and the treatments the reader checks them against.</summary>
internal static class ExportFiles
{
    public static readonly Guid ProjectId = Guid.CreateVersion7();

    public static readonly Guid Exporter = Guid.CreateVersion7();

    public static readonly IReadOnlyDictionary<string, ImportTreatment> Treatments = new Dictionary<string, ImportTreatment>
    {
        ["project_created"] = ImportTreatment.ReplayAsImporter,
        ["code_created"] = ImportTreatment.Replay,
        ["member_added"] = ImportTreatment.Skip,
        ["project_deleted"] = ImportTreatment.Refuse,
    };

    public static string Header(long eventCount, int version = ExchangeFile.Version, string format = ExchangeFile.Format) =>
        new JsonObject
        {
            ["format"] = format,
            ["version"] = version,
            ["projectId"] = ProjectId.ToString(),
            ["projectName"] = "Interviews",
            ["exportedAt"] = "2026-11-25T10:00:00+00:00",
            ["exportedBy"] = Exporter.ToString(),
            ["eventCount"] = eventCount,
        }.ToJsonString();

    public static string Event(long sequence, string type, Guid? projectId = null) =>
        new JsonObject
        {
            ["sequence"] = sequence,
            ["streamId"] = (projectId ?? ProjectId).ToString(),
            ["type"] = type,
            ["timestamp"] = "2026-11-25T09:00:00+00:00",
            ["data"] = new JsonObject { ["projectId"] = (projectId ?? ProjectId).ToString(), ["name"] = $"event {sequence}" },
        }.ToJsonString();

    /// <summary>The lines (header and events) with a trailer holding their SHA-256, computed here without the code under test.</summary>
    public static string Sealed(params string[] lines) => Sealed(lines, lines.Length - 1);

    public static string Sealed(string[] lines, long trailerCount)
    {
        var body = string.Concat(lines.Select(l => l + "\n"));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        return body + new JsonObject { ["checksum"] = $"sha256:{hash}", ["eventCount"] = trailerCount }.ToJsonString() + "\n";
    }

    public static string Valid() => Sealed(Header(2), Event(1, "project_created"), Event(2, "code_created"));
}
