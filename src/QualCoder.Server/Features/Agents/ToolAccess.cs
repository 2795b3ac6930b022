using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;

namespace QualCoder.Server.Features.Agents;

/// <summary>What a tool does, as a token's scope sees it: reads, proposes (suggest_* tools) or changes the project.</summary>
public enum ToolAccess
{
    Read,
    Suggest,
    Write,
}

/// <summary>The scope rule: read tokens call reading tools, suggest tokens also suggesting ones, full tokens every tool.</summary>
public static class ToolScope
{
    public static bool Permits(TokenScope scope, ToolAccess access) => access switch
    {
        ToolAccess.Read => true,
        ToolAccess.Suggest => scope is TokenScope.Suggest or TokenScope.Full,
        _ => scope is TokenScope.Full,
    };

    public static DomainError? Require(TokenScope scope, ToolAccess access, string codePrefix) => Permits(scope, access)
        ? null
        : DomainError.Forbidden(
            $"{codePrefix}/PERMISSION_DENIED",
            $"This tool {Describe(access)}, and your access token's scope is {TokenScopes.Name(scope)}.");

    private static string Describe(ToolAccess access) => access switch
    {
        ToolAccess.Suggest => "makes suggestions, which needs a token with scope suggest or full",
        _ => "changes the project, which needs a token with scope full",
    };
}
