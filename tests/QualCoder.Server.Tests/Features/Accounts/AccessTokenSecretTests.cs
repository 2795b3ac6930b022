using QualCoder.Server.Features.Accounts;

namespace QualCoder.Server.Tests.Features.Accounts;

public class AccessTokenSecretTests
{
    [Fact]
    public void a_new_secret_is_the_prefix_and_43_url_safe_characters()
    {
        var (secret, _, _) = AccessTokenSecret.New();

        Assert.Matches("^qcw_[A-Za-z0-9_-]{43}$", secret);
    }

    [Fact]
    public void two_new_secrets_differ() => Assert.NotEqual(AccessTokenSecret.New().Secret, AccessTokenSecret.New().Secret);

    [Fact]
    public void the_hash_of_a_new_secret_is_the_hash_of_that_secret()
    {
        var (secret, hash, _) = AccessTokenSecret.New();

        Assert.Equal(AccessTokenSecret.Hash(secret), hash);
    }

    [Fact]
    public void the_hash_is_the_lower_case_hex_sha256_of_the_utf8_text() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AccessTokenSecret.Hash("abc"));

    [Fact]
    public void hashing_is_stable_and_tells_secrets_apart()
    {
        const string secret = "qcw_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        Assert.Equal(AccessTokenSecret.Hash(secret), AccessTokenSecret.Hash(secret));
        Assert.NotEqual(AccessTokenSecret.Hash(secret), AccessTokenSecret.Hash(secret[..^1] + "B"));
    }

    [Fact]
    public void the_hint_shows_the_prefix_and_only_the_last_four_characters()
    {
        var (secret, _, hint) = AccessTokenSecret.New();

        Assert.Equal($"qcw_…{secret[^4..]}", hint);
    }
}
