using QualCoder.Server.Features.Accounts;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Accounts;

public class AccountFoldingTests
{
    [Fact]
    public void registering_creates_the_account_without_tokens()
    {
        var account = Account.Create(new AccountRegistered(Ann.AccountId, "ann@example.org", "Ann Example", "hashed", true, Ann, Earlier));

        Assert.Equal(
            (Ann.AccountId, "ann@example.org", "Ann Example", "hashed", true, Earlier),
            (account.Id, account.Email, account.DisplayName, account.PasswordHash, account.IsServerAdmin, account.RegisteredAt));
        Assert.Empty(account.Tokens);
    }

    [Fact]
    public void creating_a_token_adds_it_with_its_hash_hint_expiry_and_creation_time()
    {
        var expires = Now.AddDays(10);

        var account = AnnsAccount(new AccessTokenCreated(Ann.AccountId, LaptopToken, "Laptop", "h", "qcw_…abcd", expires, Ann, Now));

        Assert.Equal(new AccessToken(LaptopToken, "Laptop", "h", "qcw_…abcd", Now, expires), Assert.Single(account.Tokens));
    }

    [Fact]
    public void revoking_a_token_removes_only_that_token()
    {
        var account = AnnWithTokens(new AccessTokenRevoked(Ann.AccountId, LaptopToken, Ann, Now));

        Assert.Equal(CiToken, Assert.Single(account.Tokens).Id);
    }

    [Fact]
    public void a_token_without_expiry_is_always_valid() =>
        Assert.True(new AccessToken(LaptopToken, "Laptop", "h", "hint", Earlier, null).IsValidAt(DateTimeOffset.MaxValue));

    [Fact]
    public void a_token_is_valid_until_its_expiry_and_not_at_it()
    {
        var token = new AccessToken(LaptopToken, "Laptop", "h", "hint", Earlier, Now);

        Assert.True(token.IsValidAt(Now.AddTicks(-1)));
        Assert.False(token.IsValidAt(Now));
    }
}
