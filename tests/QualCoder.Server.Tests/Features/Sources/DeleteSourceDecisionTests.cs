using QualCoder.Server.Domain;
using QualCoder.Server.Features.Projects;
using QualCoder.Server.Features.Sources;
using static QualCoder.Server.Tests.Features.DecisionAssert;
using static QualCoder.Server.Tests.Features.Given;
using static QualCoder.Server.Tests.Features.Sources.GivenSources;

namespace QualCoder.Server.Tests.Features.Sources;

public class DeleteSourceDecisionTests
{
    private static Decision Decide(Project? project, Source? source, Actor actor, int codings = 3) =>
        DeleteSourceHandler.Decide(project, source, codings, new DeleteSource(ProjectId, SourceId, actor), Now);

    [Fact]
    public void an_editor_deletes_a_source_with_its_codings() =>
        Accepted(Decide(Team(), TheInterview(), Editor, codings: 7), new SourceDeleted(ProjectId, SourceId, 7, Editor, Now));

    [Fact]
    public void a_source_without_codings_is_deleted_too() =>
        Accepted(Decide(Team(), TheInterview(), Owner, codings: 0), new SourceDeleted(ProjectId, SourceId, 0, Owner, Now));

    [Theory]
    [InlineData(ProjectRole.Coder)]
    [InlineData(ProjectRole.Viewer)]
    public void a_member_below_editor_cannot_delete(ProjectRole role) =>
        Refused(Decide(Team(), TheInterview(), MemberWith(role)), "SOURCE_NOT_DELETED/FORBIDDEN", ErrorKind.Forbidden);

    [Fact]
    public void a_deleted_source_a_missing_one_and_another_projects_are_not_found()
    {
        Refused(Decide(Team(), DeletedInterview(), Editor), "SOURCE_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), null, Editor), "SOURCE_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), InterviewInAnotherProject(), Editor), "SOURCE_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
        Refused(Decide(Team(), TheInterview(), Outsider), "SOURCE_NOT_DELETED/NOT_FOUND", ErrorKind.NotFound);
    }

    [Fact]
    public void the_preview_tells_the_name_and_how_many_codings_would_go()
    {
        Assert.Null(DeleteSourceHandler.Preview(Team(), TheInterview(), 4, Editor, out var preview));

        Assert.Equal(new SourceDeletePreview(SourceId, SourceName, 4, RequiresConfirmation: true), preview);
    }

    [Fact]
    public void the_preview_is_refused_as_the_delete_would_be()
    {
        Assert.Equal("SOURCE_NOT_DELETED/FORBIDDEN", DeleteSourceHandler.Preview(Team(), TheInterview(), 4, Coder, out var forCoder)?.Code);
        Assert.Equal("SOURCE_NOT_DELETED/NOT_FOUND", DeleteSourceHandler.Preview(Team(), TheInterview(), 4, Outsider, out _)?.Code);
        Assert.Equal("SOURCE_NOT_DELETED/NOT_FOUND", DeleteSourceHandler.Preview(Team(), DeletedInterview(), 0, Editor, out _)?.Code);
        Assert.Null(forCoder);
    }
}
