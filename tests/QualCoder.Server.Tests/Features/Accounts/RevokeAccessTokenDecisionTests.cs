using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Accounts;

public class RevokeAccessTokenDecisionTests
{
    [Fact]
    public void revoking_an_own_token_appends_the_revocation() => Accepted(
        RevokeAccessTokenHandler.Decide(AnnWithTokens(), new RevokeAccessToken(LaptopToken, Ann), Now),
        new AccessTokenRevoked(Ann.AccountId, LaptopToken, Ann, Now));

    [Fact]
    public void an_unknown_token_is_not_found() => Refused(
        RevokeAccessTokenHandler.Decide(AnnWithTokens(), new RevokeAccessToken(Guid.Parse("0197a000-0000-7000-8000-0000000000bf"), Ann), Now),
        "TOKEN_NOT_REVOKED/NOT_FOUND",
        ErrorKind.NotFound);

    [Fact]
    public void a_revoked_token_cannot_be_revoked_again() => Refused(
        RevokeAccessTokenHandler.Decide(
            AnnWithTokens(new AccessTokenRevoked(Ann.AccountId, LaptopToken, Ann, Earlier)), new RevokeAccessToken(LaptopToken, Ann), Now),
        "TOKEN_NOT_REVOKED/NOT_FOUND",
        ErrorKind.NotFound);

    [Fact]
    public void a_missing_account_is_not_found() => Refused(
        RevokeAccessTokenHandler.Decide(null, new RevokeAccessToken(LaptopToken, Ann), Now),
        "TOKEN_NOT_REVOKED/NOT_FOUND",
        ErrorKind.NotFound);
}
