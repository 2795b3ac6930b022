using QualCoder.Server.Features.Agents;

namespace QualCoder.Server.Tests.Features.Agents;

public class AllowedOriginsTests
{
    private static readonly string[] Local = ["localhost", "127.0.0.1", "[::1]"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://localhost:5173")]
    [InlineData("https://127.0.0.1")]
    [InlineData("http://[::1]:8765")]
    public void no_origin_and_this_machines_own_names_are_allowed(string? origin) =>
        Assert.True(AllowedOrigins.Allow(origin, Local));

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("null")]
    [InlineData("file:///etc/passwd")]
    public void any_other_origin_is_refused(string origin) =>
        Assert.False(AllowedOrigins.Allow(origin, Local));

    [Fact]
    public void a_configured_host_may_be_pinned_to_a_port()
    {
        string[] hosts = ["qualcoder.example.org:443"];

        Assert.True(AllowedOrigins.Allow("https://qualcoder.example.org", hosts));
        Assert.False(AllowedOrigins.Allow("http://qualcoder.example.org:8080", hosts));
    }
}
