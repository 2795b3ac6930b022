using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Accounts;

public class CreateAccessTokenDecisionTests
{
    private static readonly Guid NewToken = Guid.Parse("0197a000-0000-7000-8000-0000000000b9");

    private static CreateAccessToken Command(string name = "Zotero sync", int? expiresInDays = null, string? scope = null) =>
        new(NewToken, name, "sha256-of-secret", "qcw_…wxyz", expiresInDays, Ann, scope);

    private static Decision Decide(CreateAccessToken command, Account? account = null) =>
        CreateAccessTokenHandler.Decide(account ?? AnnWithTokens(), command, Now);

    [Fact]
    public void creating_a_token_appends_it_with_the_trimmed_name_hash_hint_and_expiry() => Accepted(
        Decide(Command("  Zotero sync  ", 30)),
        new AccessTokenCreated(Ann.AccountId, NewToken, "Zotero sync", "sha256-of-secret", "qcw_…wxyz", Now.AddDays(30), Ann, Now, TokenScope.Full));

    [Fact]
    public void a_token_without_expiry_days_never_expires() => Accepted(
        Decide(Command()),
        new AccessTokenCreated(Ann.AccountId, NewToken, "Zotero sync", "sha256-of-secret", "qcw_…wxyz", null, Ann, Now, TokenScope.Full));

    [Theory]
    [InlineData("read", TokenScope.Read)]
    [InlineData(" Suggest ", TokenScope.Suggest)]
    [InlineData("full", TokenScope.Full)]
    [InlineData(null, TokenScope.Full)]
    public void a_token_is_made_with_the_scope_asked_for_or_full(string? scope, TokenScope expected) =>
        Assert.Equal(expected, Assert.IsType<AccessTokenCreated>(Assert.Single(Decide(Command(scope: scope)).Events)).Scope);

    [Theory]
    [InlineData("admin")]
    [InlineData("write")]
    public void a_scope_other_than_read_suggest_or_full_is_refused(string scope) =>
        Refused(Decide(Command(scope: scope)), "TOKEN_NOT_CREATED/INVALID_SCOPE", ErrorKind.Invalid);

    [Fact]
    public void a_token_created_before_scopes_existed_is_full() =>
        Assert.Equal(TokenScope.Full, Assert.Single(AnnWithTokens().Tokens, t => t.Id == LaptopToken).Scope);

    [Theory]
    [InlineData(1)]
    [InlineData(3650)]
    public void a_token_may_live_from_1_to_3650_days(int days) =>
        Assert.Equal(Now.AddDays(days), Assert.IsType<AccessTokenCreated>(Assert.Single(Decide(Command(expiresInDays: days)).Events)).ExpiresAt);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    [InlineData(int.MaxValue)]
    public void an_expiry_outside_1_to_3650_days_is_refused(int days) =>
        Refused(Decide(Command(expiresInDays: days)), "TOKEN_NOT_CREATED/INVALID_EXPIRY", ErrorKind.Invalid);

    [Theory]
    [InlineData("Laptop")]
    [InlineData("  LAPTOP ")]
    [InlineData("ci PIPELINE")]
    public void a_name_already_in_use_is_a_conflict_whatever_its_case(string name) =>
        Refused(Decide(Command(name)), "TOKEN_NOT_CREATED/DUPLICATE_NAME", ErrorKind.Conflict);

    [Fact]
    public void the_name_of_a_revoked_token_can_be_used_again()
    {
        var account = AnnWithTokens(new AccessTokenRevoked(Ann.AccountId, LaptopToken, Ann, Earlier));

        Assert.True(Decide(Command("Laptop"), account).IsAccepted);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void an_empty_name_is_refused(string name) =>
        Refused(Decide(Command(name)), "TOKEN_NOT_CREATED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_100_characters_is_accepted_and_101_refused()
    {
        Assert.True(Decide(Command(new string('t', 100))).IsAccepted);
        Refused(Decide(Command(new string('t', 101))), "TOKEN_NOT_CREATED/NAME_TOO_LONG", ErrorKind.Invalid);
    }

    [Fact]
    public void an_account_that_no_longer_exists_is_unauthenticated() =>
        Refused(CreateAccessTokenHandler.Decide(null, Command(), Now), "TOKEN_NOT_CREATED/NO_ACCOUNT", ErrorKind.Unauthenticated);
}
