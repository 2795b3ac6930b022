using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Projects;

public class CreateProjectDecisionTests
{
    private static Decision Decide(string name, string? description = null) =>
        CreateProjectHandler.Decide(new CreateProject(ProjectId, name, description, Owner), Now);

    private static string Emoji(int count) => string.Concat(Enumerable.Repeat("📚", count));

    [Fact]
    public void creating_a_project_appends_it_with_trimmed_name_and_description_by_its_creator() => Accepted(
        Decide("  Interviews 2024 ", "\n Nurses on night shifts.  "),
        new ProjectCreated(ProjectId, "Interviews 2024", "Nurses on night shifts.", Owner, Now));

    [Fact]
    public void a_project_without_description_gets_an_empty_one() =>
        Accepted(Decide("Interviews"), new ProjectCreated(ProjectId, "Interviews", "", Owner, Now));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void an_empty_name_is_refused(string name) =>
        Refused(Decide(name), "PROJECT_NOT_CREATED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_100_characters_is_accepted() => Assert.True(Decide(new string('p', 100)).IsAccepted);

    [Fact]
    public void a_name_of_101_characters_is_refused() =>
        Refused(Decide(new string('p', 101)), "PROJECT_NOT_CREATED/NAME_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_100_emoji_is_accepted() => Assert.True(Decide(Emoji(100)).IsAccepted);

    [Fact]
    public void a_name_of_101_emoji_is_refused() =>
        Refused(Decide(Emoji(101)), "PROJECT_NOT_CREATED/NAME_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void a_description_of_2000_characters_after_trimming_is_accepted() =>
        Assert.True(Decide("Interviews", $"  {new string('d', 2000)}  ").IsAccepted);

    [Fact]
    public void a_description_of_2001_characters_is_refused() =>
        Refused(Decide("Interviews", new string('d', 2001)), "PROJECT_NOT_CREATED/DESCRIPTION_TOO_LONG", ErrorKind.Invalid);

    [Fact]
    public void a_description_of_2000_emoji_is_accepted() => Assert.True(Decide("Interviews", Emoji(2000)).IsAccepted);

    [Fact]
    public void checking_a_description_trims_it_uses_the_callers_prefix_and_treats_null_as_empty()
    {
        Assert.Null(CreateProjectHandler.CheckDescription(null, "X", out var empty));
        Assert.Null(CreateProjectHandler.CheckDescription("  About  ", "X", out var trimmed));
        var error = CreateProjectHandler.CheckDescription(new string('d', 2001), "X", out _);

        Assert.Equal(("", "About"), (empty, trimmed));
        Assert.Equal(("X/DESCRIPTION_TOO_LONG", ErrorKind.Invalid), (error?.Code, error?.Kind));
    }
}
