using QualCoder.Server.Domain;
using QualCoder.Server.Features.Accounts;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Accounts;

public class RegisterAccountDecisionTests
{
    private static readonly Guid NewId = Guid.Parse("0197a000-0000-7000-8000-0000000000c1");
    private static readonly RegistrationState LaterAccount = new(EmailTaken: false, IsFirstAccount: false, RegistrationOpen: true);
    private static readonly RegistrationState FirstAccount = LaterAccount with { IsFirstAccount = true };

    private static RegisterAccount Command(string email = "ann@example.org", string displayName = "Ann Example", string password = "correct horse battery") =>
        new(NewId, email, displayName, password);

    private static string FakeHash(string password) => $"fake-hash({password})";

    private static Decision Decide(RegisterAccount command, RegistrationState? state = null) =>
        RegisterAccountHandler.Decide(command, state ?? LaterAccount, FakeHash, Now);

    private static string Repeat(char c, int times) => new(c, times);

    [Fact]
    public void the_first_account_becomes_the_server_administrator() => Accepted(
        Decide(Command(), FirstAccount),
        new AccountRegistered(NewId, "ann@example.org", "Ann Example", "fake-hash(correct horse battery)", true, new Actor(NewId), Now));

    [Fact]
    public void a_later_account_is_not_an_administrator() => Accepted(
        Decide(Command()),
        new AccountRegistered(NewId, "ann@example.org", "Ann Example", "fake-hash(correct horse battery)", false, new Actor(NewId), Now));

    [Fact]
    public void the_email_is_trimmed_and_lower_cased_and_the_display_name_trimmed()
    {
        var registered = Assert.IsType<AccountRegistered>(Assert.Single(Decide(Command("  Ann.Example@Example.ORG ", "  Ann  ")).Events));

        Assert.Equal(("ann.example@example.org", "Ann"), (registered.Email, registered.DisplayName));
    }

    [Fact]
    public void the_password_is_hashed_once_by_the_given_function_as_typed()
    {
        var hashed = new List<string>();

        var decision = RegisterAccountHandler.Decide(Command(password: " Pass word 1 "), LaterAccount, p => { hashed.Add(p); return "from-the-hasher"; }, Now);

        Assert.Equal([" Pass word 1 "], hashed);
        Assert.Equal("from-the-hasher", Assert.IsType<AccountRegistered>(Assert.Single(decision.Events)).PasswordHash);
    }

    [Fact]
    public void a_refused_registration_never_hashes_the_password()
    {
        var hashed = 0;

        RegisterAccountHandler.Decide(Command(), LaterAccount with { EmailTaken = true }, p => { hashed++; return p; }, Now);

        Assert.Equal(0, hashed);
    }

    [Fact]
    public void closed_registration_refuses_all_but_the_first_account() =>
        Refused(Decide(Command(), LaterAccount with { RegistrationOpen = false }), "ACCOUNT_NOT_REGISTERED/REGISTRATION_CLOSED", ErrorKind.Forbidden);

    [Fact]
    public void closed_registration_still_accepts_the_first_account_as_administrator()
    {
        var decision = Decide(Command(), FirstAccount with { RegistrationOpen = false });

        Assert.True(Assert.IsType<AccountRegistered>(Assert.Single(decision.Events)).IsServerAdmin);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ann")]
    [InlineData("ann@")]
    [InlineData("@example.org")]
    [InlineData("ann@localhost")]
    [InlineData("ann example@example.org")]
    [InlineData("ann@@example.org")]
    [InlineData("Ann <ann@example.org>")]
    [InlineData("ann@example.org, bob@example.org")]
    public void an_invalid_email_is_refused(string email) =>
        Refused(Decide(Command(email)), "ACCOUNT_NOT_REGISTERED/INVALID_EMAIL", ErrorKind.Invalid);

    [Fact]
    public void an_email_whose_domain_has_no_dot_is_refused_even_with_a_dot_before_the_at() =>
        Refused(Decide(Command("ann.example@localhost")), "ACCOUNT_NOT_REGISTERED/INVALID_EMAIL", ErrorKind.Invalid);

    [Fact]
    public void an_email_of_254_characters_is_accepted_and_255_refused()
    {
        var domain = $"{Repeat('b', 63)}.{Repeat('c', 60)}.{Repeat('d', 60)}.org";
        var longest = $"{Repeat('a', 64)}@{domain}";

        Assert.Equal(254, longest.Length);
        Assert.True(Decide(Command(longest)).IsAccepted);
        Refused(Decide(Command("a" + longest)), "ACCOUNT_NOT_REGISTERED/INVALID_EMAIL", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1234567")]
    [InlineData("        ")]
    [InlineData("\t\t\t\t\t\t\t\t\t")]
    [InlineData("ann@example.org")]
    [InlineData("ANN@Example.org")]
    public void a_weak_password_is_refused(string password) =>
        Refused(Decide(Command(password: password)), "ACCOUNT_NOT_REGISTERED/WEAK_PASSWORD", ErrorKind.Invalid);

    [Fact]
    public void a_password_equal_to_the_email_as_typed_is_refused() =>
        Refused(Decide(Command(" Ann@Example.ORG ", password: "ann@example.org")), "ACCOUNT_NOT_REGISTERED/WEAK_PASSWORD", ErrorKind.Invalid);

    [Fact]
    public void a_password_of_257_characters_is_refused() =>
        Refused(Decide(Command(password: Repeat('x', 257))), "ACCOUNT_NOT_REGISTERED/WEAK_PASSWORD", ErrorKind.Invalid);

    [Theory]
    [InlineData(8)]
    [InlineData(256)]
    public void a_password_of_8_to_256_characters_is_accepted(int length) =>
        Assert.True(Decide(Command(password: Repeat('x', length))).IsAccepted);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void an_empty_display_name_is_refused(string displayName) =>
        Refused(Decide(Command(displayName: displayName)), "ACCOUNT_NOT_REGISTERED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_display_name_of_101_characters_is_refused() =>
        Refused(Decide(Command(displayName: Repeat('a', 101))), "ACCOUNT_NOT_REGISTERED/NAME_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void a_display_name_of_100_emoji_is_accepted() =>
        Assert.True(Decide(Command(displayName: string.Concat(Enumerable.Repeat("🙂", 100)))).IsAccepted);

    [Fact]
    public void a_taken_email_is_a_conflict() =>
        Refused(Decide(Command(), LaterAccount with { EmailTaken = true }), "ACCOUNT_NOT_REGISTERED/DUPLICATE_EMAIL", ErrorKind.Conflict);

    [Theory]
    [InlineData(null, "")]
    [InlineData("  Bob@Example.ORG\t", "bob@example.org")]
    public void emails_are_normalised_to_trimmed_lower_case(string? raw, string normalised) =>
        Assert.Equal(normalised, RegisterAccountHandler.NormaliseEmail(raw));
}
