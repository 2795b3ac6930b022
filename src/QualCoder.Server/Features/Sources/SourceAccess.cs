using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.Sources;

/// <summary>
/// What every use of an existing source checks first: the caller's role in the project, then that the source is a
/// live source of that project. A deleted source, a missing one and another project's all answer the same NOT_FOUND.
/// </summary>
public static class SourceAccess
{
    public static DomainError? Require(Project? project, Source? source, Actor actor, ProjectRole minimum, string codePrefix)
    {
        if (ProjectAccess.Require(project, actor, minimum, codePrefix) is { } denied)
        {
            return denied;
        }

        return source is not null && source.BelongsTo(project!.Id) ? null : NotFound(codePrefix);
    }

    public static DomainError NotFound(string codePrefix) =>
        DomainError.NotFound($"{codePrefix}/NOT_FOUND", "There is no such source in this project.");

    public static DomainError FolderNotFound(string codePrefix) =>
        DomainError.Invalid($"{codePrefix}/FOLDER_NOT_FOUND", "There is no such folder in this project.");

    /// <summary>Source names are unique per project ignoring case, compared as the unique index compares them.</summary>
    public static string NameKey(string? name) => (name ?? "").Trim().ToLowerInvariant();

    public static bool IsTaken(string name, IEnumerable<string> otherNames) =>
        otherNames.Any(other => NameKey(other) == NameKey(name));

    public static DomainError DuplicateName(string codePrefix, string name) => DomainError.Conflict(
        $"{codePrefix}/DUPLICATE_NAME", $"This project already has a source named \"{name}\" (names are compared ignoring case).");
}
