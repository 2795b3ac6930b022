using QualCoder.Server.Domain;

namespace QualCoder.Server.Features.Projects;

/// <summary>
/// The one authorisation rule for everything inside a project. A caller who is not a member learns nothing:
/// a deleted project, a missing one and someone else's all answer the same NOT_FOUND.
/// </summary>
public static class ProjectAccess
{
    public static DomainError? Require(Project? project, Actor actor, ProjectRole minimum, string codePrefix)
    {
        var member = project is { IsDeleted: false } ? project.MemberOf(actor.AccountId) : null;
        if (member is null)
        {
            return NotFound(codePrefix);
        }

        return member.Role < minimum
            ? DomainError.Forbidden(
                $"{codePrefix}/FORBIDDEN",
                $"This needs the {Describe(minimum)} role or higher in the project; you are {Describe(member.Role)}.")
            : null;
    }

    public static DomainError NotFound(string codePrefix) => DomainError.NotFound(
        $"{codePrefix}/NOT_FOUND",
        "There is no such project, or you are not a member of it.");

    /// <summary>Roles arrive from several adapters (HTTP, later MCP); only the four named ones are real.</summary>
    public static DomainError? CheckRole(ProjectRole role, string codePrefix) => Enum.IsDefined(role)
        ? null
        : DomainError.Invalid($"{codePrefix}/INVALID_ROLE", "The role must be one of owner, editor, coder or viewer.");

    public static string Describe(ProjectRole role) => role.ToString().ToLowerInvariant();
}
