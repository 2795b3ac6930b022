using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Coding;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class DeleteCodeDecisionTests
{
    private static Decision Decide(Actor actor, Guid codeId, bool deleteCodings = false, int codingCount = 0) =>
        DeleteCodeHandler.Decide(Team(), Sample(), new DeleteCode(ProjectId, codeId, deleteCodings, null, actor), Now, codingCount);

    [Fact]
    public void an_editor_deletes_a_code_without_codings() =>
        Accepted(Decide(Editor, Anger), new CodeDeleted(ProjectId, Anger, Editor, Now));

    [Fact]
    public void a_code_with_codings_is_refused_and_the_message_says_how_many()
    {
        var error = Refused(Decide(Editor, Joy, codingCount: 3), "CODE_NOT_DELETED/HAS_REFERENCES", ErrorKind.Conflict);

        Assert.Contains("\"Joy\" has 3 codings", error.Message);
        Assert.Contains("deleteCodings=true", error.Message);
    }

    [Fact]
    public void one_coding_is_said_in_the_singular() =>
        Assert.Contains("has 1 coding.", Refused(Decide(Editor, Joy, codingCount: 1), "CODE_NOT_DELETED/HAS_REFERENCES", ErrorKind.Conflict).Message);

    [Fact]
    public void a_code_with_codings_is_deleted_when_the_caller_deletes_them_too() =>
        Accepted(Decide(Owner, Joy, deleteCodings: true, codingCount: 3), new CodeDeleted(ProjectId, Joy, Owner, Now));

    [Fact]
    public void each_coding_of_a_deleted_code_is_uncoded_in_its_own_source()
    {
        Guid sourceA = Guid.NewGuid(), sourceB = Guid.NewGuid(), first = Guid.NewGuid(), second = Guid.NewGuid();
        Segment[] codings =
        [
            new(first, ProjectId, sourceA, Joy, Coder.AccountId, 0, 4, "Joy!", "", 0, Earlier, Earlier),
            new(second, ProjectId, sourceB, Joy, Editor.AccountId, 2, 9, "relieved", "", 0, Earlier, Earlier),
        ];

        Assert.Equal(
            [new SegmentUncoded(ProjectId, sourceA, first, Owner, Now), new SegmentUncoded(ProjectId, sourceB, second, Owner, Now)],
            DeleteCodeHandler.Uncode(codings, Owner, Now));
    }

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_delete_codes(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Anger), "CODE_NOT_DELETED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Anger), "CODE_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void an_unknown_code_is_not_found() => Refused(Decide(Editor, Unknown), "CODE_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void access_is_checked_before_the_codings() =>
        Refused(Decide(Coder, Joy, codingCount: 5), "CODE_NOT_DELETED/FORBIDDEN", ErrorKind.Forbidden);
}
