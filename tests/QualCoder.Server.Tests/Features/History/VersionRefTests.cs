using QualCoder.Server.Features.History;

namespace QualCoder.Server.Tests.Features.History;

public class VersionRefTests
{
    private static (string? Code, int Number) Resolve(string? reference, int? newest = 12)
    {
        var error = VersionRef.Resolve(reference, newest, "P", "ref", out var number);
        return (error?.Code, number);
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 12 ", 12)]
    [InlineData("HEAD", 12)]
    [InlineData("head", 12)]
    [InlineData("HEAD~0", 12)]
    [InlineData("HEAD~3", 9)]
    [InlineData("HEAD~12", 0)]
    public void numbers_head_and_head_minus_n_name_versions(string reference, int number) => Assert.Equal((null, number), Resolve(reference));

    [Theory]
    [InlineData("HEAD~", "P/INVALID_REF")]
    [InlineData("HEAD~-1", "P/INVALID_REF")]
    [InlineData("abc123", "P/INVALID_REF")]
    [InlineData("-3", "P/INVALID_REF")]
    [InlineData("", "P/MISSING_PARAM")]
    [InlineData(null, "P/MISSING_PARAM")]
    [InlineData("HEAD~13", "P/VERSION_NOT_FOUND")]
    public void anything_else_is_a_clear_error(string? reference, string code) => Assert.Equal(code, Resolve(reference).Code);

    [Fact]
    public void head_of_a_project_without_versions_is_not_found() => Assert.Equal("P/VERSION_NOT_FOUND", Resolve("HEAD", null).Code);
}
