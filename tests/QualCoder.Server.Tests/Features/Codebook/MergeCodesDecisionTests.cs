using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Codebook.GivenCodebook;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;

namespace QualCoder.Server.Tests.Features.Codebook;

public class MergeCodesDecisionTests
{
    private static Decision Decide(Actor actor, Guid codeId, Guid intoCodeId, Project? project = null) =>
        MergeCodesHandler.Decide(project ?? Team(), Sample(), new MergeCodes(ProjectId, codeId, intoCodeId, null, actor), Now);

    [Fact]
    public void an_editor_merges_one_code_into_another() =>
        Accepted(Decide(Editor, Anger, Fear), new CodesMerged(ProjectId, Anger, Fear, Editor, Now));

    [Fact]
    public void codes_in_different_categories_can_be_merged() =>
        Accepted(Decide(Owner, Joy, Anger), new CodesMerged(ProjectId, Joy, Anger, Owner, Now));

    [Fact]
    public void merging_a_code_into_itself_is_refused() =>
        Refused(Decide(Editor, Joy, Joy), "CODES_NOT_MERGED/SAME_CODE", ErrorKind.Invalid);

    [Fact]
    public void an_unknown_code_to_merge_is_not_found() =>
        Refused(Decide(Editor, Unknown, Joy), "CODES_NOT_MERGED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void an_unknown_code_to_merge_into_is_not_found() =>
        Refused(Decide(Editor, Joy, Unknown), "CODES_NOT_MERGED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_code_already_merged_away_is_not_found() =>
        Refused(
            MergeCodesHandler.Decide(Team(), Sample(new CodesMerged(ProjectId, Anger, Fear, Editor, Earlier)), new MergeCodes(ProjectId, Anger, Joy, null, Editor), Now),
            "CODES_NOT_MERGED/NOT_FOUND", ErrorKind.NotFound);

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_merge_codes(ProjectRole role) =>
        Refused(Decide(MemberWith(role), Anger, Fear), "CODES_NOT_MERGED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_non_member_gets_not_found() => Refused(Decide(Outsider, Anger, Fear), "CODES_NOT_MERGED/NOT_FOUND", ErrorKind.NotFound);

    [Fact]
    public void a_deleted_project_is_not_found() =>
        Refused(Decide(Owner, Anger, Fear, DeletedTeam()), "CODES_NOT_MERGED/NOT_FOUND", ErrorKind.NotFound);
}
