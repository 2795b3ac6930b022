using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Features.Agents;

namespace QualCoder.Server.Tests.Features.Agents;

public class ToolScopeTests
{
    [Theory]
    [InlineData(TokenScope.Read, ToolAccess.Read, true)]
    [InlineData(TokenScope.Read, ToolAccess.Suggest, false)]
    [InlineData(TokenScope.Read, ToolAccess.Write, false)]
    [InlineData(TokenScope.Suggest, ToolAccess.Read, true)]
    [InlineData(TokenScope.Suggest, ToolAccess.Suggest, true)]
    [InlineData(TokenScope.Suggest, ToolAccess.Write, false)]
    [InlineData(TokenScope.Full, ToolAccess.Read, true)]
    [InlineData(TokenScope.Full, ToolAccess.Suggest, true)]
    [InlineData(TokenScope.Full, ToolAccess.Write, true)]
    public void a_tokens_scope_permits_what_it_says(TokenScope scope, ToolAccess access, bool permitted) =>
        Assert.Equal(permitted, ToolScope.Permits(scope, access));

    [Fact]
    public void a_tool_beyond_the_scope_is_permission_denied()
    {
        var refusal = ToolScope.Require(TokenScope.Read, ToolAccess.Write, "CODE_NOT_CREATED");

        Assert.Equal(("CODE_NOT_CREATED/PERMISSION_DENIED", ErrorKind.Forbidden), (refusal!.Code, refusal.Kind));
        Assert.Contains("scope is read", refusal.Message);
    }

    [Fact]
    public void a_role_refusal_reads_as_permission_denied_too() =>
        Assert.Equal("CODE_NOT_CREATED/PERMISSION_DENIED", ToolResults.CodeOf(DomainError.Forbidden("CODE_NOT_CREATED/FORBIDDEN", "editors only")));

    [Fact]
    public void other_refusals_keep_their_code() =>
        Assert.Equal("CODE_NOT_CREATED/DUPLICATE_NAME", ToolResults.CodeOf(DomainError.Conflict("CODE_NOT_CREATED/DUPLICATE_NAME", "taken")));
}
