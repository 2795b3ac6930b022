using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;

namespace QualCoder.Server.Features.Codebook;

/// <summary>
/// The rules every codebook change shares: who may change it, what a name and a colour may be, and how a
/// missing code or category is answered. Each decide function calls these with its own error prefix.
/// </summary>
public static class CodebookRules
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// Editors and owners change the codebook. A project without any code or category yet has no codebook stream;
    /// it is then the empty codebook.
    /// </summary>
    public static DomainError? Open(Project? project, Codebook? codebook, Actor actor, string codePrefix, out Codebook opened)
    {
        opened = codebook ?? new Codebook();
        return ProjectAccess.Require(project, actor, ProjectRole.Editor, codePrefix);
    }

    public static DomainError CodeNotFound(string codePrefix) =>
        DomainError.NotFound($"{codePrefix}/NOT_FOUND", "There is no such code in this project.");

    public static DomainError CategoryNotFound(string codePrefix) =>
        DomainError.NotFound($"{codePrefix}/NOT_FOUND", "There is no such category in this project.");

    /// <summary>Trims and checks a code name; no other code may have it in any case (the code itself may, to change case).</summary>
    public static DomainError? CheckCodeName(Codebook codebook, string? raw, Guid? self, string codePrefix, out string name)
    {
        if (Names.Check(raw, MaxNameLength, codePrefix, "code name", out name) is { } invalid)
        {
            return invalid;
        }

        var wanted = name;
        return codebook.Codes.FirstOrDefault(c => c.Id != self && SameName(c.Name, wanted)) is { } other
            ? DomainError.Conflict($"{codePrefix}/DUPLICATE_NAME", $"The project already has a code named \"{other.Name}\". Code names must differ in more than case.")
            : null;
    }

    /// <summary>Trims and checks a category name; unique among the project's categories, ignoring case.</summary>
    public static DomainError? CheckCategoryName(Codebook codebook, string? raw, Guid? self, string codePrefix, out string name)
    {
        if (Names.Check(raw, MaxNameLength, codePrefix, "category name", out name) is { } invalid)
        {
            return invalid;
        }

        var wanted = name;
        return codebook.Categories.FirstOrDefault(c => c.Id != self && SameName(c.Name, wanted)) is { } other
            ? DomainError.Conflict($"{codePrefix}/DUPLICATE_NAME", $"The project already has a category named \"{other.Name}\". Category names must differ in more than case.")
            : null;
    }

    /// <summary>Accepts #RGB or #RRGGBB (any case, surrounding spaces ignored) and answers it as lower-case #rrggbb.</summary>
    public static DomainError? CheckColor(string? raw, string codePrefix, out string color)
    {
        var given = (raw ?? "").Trim();
        var hex = given.StartsWith('#') ? given[1..] : "";
        if (hex.Length is 3 or 6 && hex.All(char.IsAsciiHexDigit))
        {
            hex = hex.ToLowerInvariant();
            color = "#" + (hex.Length == 3 ? string.Concat(hex.Select(c => new string(c, 2))) : hex);
            return null;
        }

        color = "";
        return DomainError.Invalid($"{codePrefix}/INVALID_COLOR", $"\"{given}\" is not a colour. Use #RGB or #RRGGBB, for example #e6194b.");
    }

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
