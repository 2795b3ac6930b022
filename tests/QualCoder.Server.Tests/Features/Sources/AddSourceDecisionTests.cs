using QualCoder.Server.Domain;
using QualCoder.Server.Features.Folders;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Folders.GivenFolders;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Sources.GivenSources;

namespace QualCoder.Server.Tests.Features.Sources;

public class AddSourceDecisionTests
{
    private static Decision Decide(
        Project? project, Actor actor, string name = "Interview 2", string text = "Some text", string? memo = null, string? origin = null,
        Guid? folderId = null, FolderTree? folders = null, params string[] sameNames) =>
        AddSourceHandler.Decide(
            project, folders, sameNames, new AddSource(ProjectId, NewSourceId, name, text, "text", memo, origin, folderId, MaxBytes, actor), Now);

    private const long MaxBytes = 1_000;

    [Fact]
    public void an_editor_adds_a_source_with_trimmed_name_memo_and_origin() =>
        Accepted(
            Decide(Team(), Editor, "  Interview 2 ", "Some text", " First pass ", " Ward B "),
            new SourceAdded(ProjectId, NewSourceId, "Interview 2", "Some text", "text", "First pass", "Ward B", null, Editor, Now));

    [Fact]
    public void an_owner_may_add_a_source() => Assert.True(Decide(Team(), Owner).IsAccepted);

    [Fact]
    public void the_format_comes_from_the_command() =>
        Assert.Equal("markdown", ((SourceAdded)AddSourceHandler.Decide(
            Team(), null, [], new AddSource(ProjectId, NewSourceId, "Notes", "# Notes", "markdown", null, null, null, MaxBytes, Editor), Now).Events[0]).Format);

    [Fact]
    public void a_text_over_the_servers_limit_in_utf8_bytes_is_too_large()
    {
        Assert.True(Decide(Team(), Editor, text: new string('x', 1_000)).IsAccepted);

        Refused(Decide(Team(), Editor, text: string.Concat(Enumerable.Repeat("é", 501))), "SOURCE_NOT_ADDED/TOO_LARGE", ErrorKind.TooLarge);
    }

    [Fact]
    public void line_endings_become_newlines_and_nothing_else_changes() =>
        Assert.Equal("one\ntwo\nthree\n\nfour  \t", ((SourceAdded)Decide(Team(), Editor, text: "one\r\ntwo\rthree\n\r\nfour  \t").Events[0]).Text);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_add_a_source(ProjectRole role) =>
        Refused(Decide(Team(), MemberWith(role)), "SOURCE_NOT_ADDED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Team(), Outsider), "SOURCE_NOT_ADDED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_or_missing_project_is_not_found()
    {
        Refused(Decide(DeletedTeam(), Owner), "SOURCE_NOT_ADDED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(null, Owner), "SOURCE_NOT_ADDED/NOT_FOUND", ErrorKind.NotFound);
    }

    [Fact]
    public void access_is_checked_before_anything_else() =>
        Refused(Decide(Team(), Viewer, name: "", text: ""), "SOURCE_NOT_ADDED/FORBIDDEN", ErrorKind.Forbidden);

    [Theory]
    [InlineData("")]
    [InlineData(" \t ")]
    public void a_source_needs_a_name(string name) =>
        Refused(Decide(Team(), Editor, name: name), "SOURCE_NOT_ADDED/EMPTY_NAME", ErrorKind.Invalid);

    [Fact]
    public void a_name_of_255_emoji_is_accepted_and_256_characters_are_too_many()
    {
        Assert.True(Decide(Team(), Editor, name: string.Concat(Enumerable.Repeat("🎙", 255))).IsAccepted);
        Refused(Decide(Team(), Editor, name: new string('n', 256)), "SOURCE_NOT_ADDED/NAME_TOO_LONG", ErrorKind.Invalid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t\r\n")]
    public void a_source_needs_some_text(string text) =>
        Refused(Decide(Team(), Editor, text: text), "SOURCE_NOT_ADDED/EMPTY_CONTENT", ErrorKind.Invalid);

    [Fact]
    public void text_that_is_not_text_is_refused()
    {
        // Cases built here, not as theory data: attributes and xunit's test case serialisation both mend half pairs.
        foreach (var text in new[] { "a\0b", "broken \uD83D pair", "reversed \uDE00\uD83D pair", "ends in half a pair \uD83D" })
        {
            Refused(Decide(Team(), Editor, text: text), "SOURCE_NOT_ADDED/INVALID_TEXT", ErrorKind.Invalid);
        }
    }

    [Fact]
    public void emoji_and_combining_characters_are_text() =>
        Assert.True(Decide(Team(), Editor, text: "🙂 café (e\u0301) 👩🏽‍⚕️").IsAccepted);

    [Fact]
    public void an_origin_may_have_1000_characters_but_not_more()
    {
        Assert.True(Decide(Team(), Editor, origin: string.Concat(Enumerable.Repeat("😀", 1000))).IsAccepted);
        Refused(Decide(Team(), Editor, origin: new string('o', 1001)), "SOURCE_NOT_ADDED/ORIGIN_TOO_LONG", ErrorKind.Invalid);
    }

    [Fact]
    public void a_name_taken_by_another_source_in_any_case_is_a_conflict()
    {
        var error = Refused(Decide(Team(), Editor, name: " interview 1 ", sameNames: SourceName), "SOURCE_NOT_ADDED/DUPLICATE_NAME", ErrorKind.Conflict);
        Assert.Contains("interview 1", error.Message);
    }

    [Fact]
    public void other_names_do_not_clash() =>
        Assert.True(Decide(Team(), Editor, name: "Interview 10", sameNames: ["Interview 1", "Interview 100"]).IsAccepted);

    [Fact]
    public void a_source_may_go_straight_into_a_folder() =>
        Assert.Equal(WardA, ((SourceAdded)Decide(Team(), Editor, folderId: WardA, folders: Tree()).Events[0]).FolderId);

    [Fact]
    public void an_unknown_folder_is_not_found()
    {
        Refused(Decide(Team(), Editor, folderId: Unknown, folders: Tree()), "SOURCE_NOT_ADDED/FOLDER_NOT_FOUND", ErrorKind.Invalid);
        Refused(Decide(Team(), Editor, folderId: WardA, folders: null), "SOURCE_NOT_ADDED/FOLDER_NOT_FOUND", ErrorKind.Invalid);
    }

    [Fact]
    public void a_deleted_folder_is_not_found() =>
        Refused(
            Decide(Team(), Editor, folderId: MemosFolder, folders: Tree(new FolderDeleted(ProjectId, MemosFolder, Editor, Earlier))),
            "SOURCE_NOT_ADDED/FOLDER_NOT_FOUND", ErrorKind.Invalid);
}
