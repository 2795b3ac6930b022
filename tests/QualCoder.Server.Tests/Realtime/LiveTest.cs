using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Realtime;

/// <summary>Base of the live channel's tests: most start from one project with an owner and a viewer.</summary>
public abstract class LiveTest(QualCoderApp app) : IntegrationTest(app)
{
    /// <summary>Olive owns a project in which Milo is a viewer.</summary>
    protected async Task<(ApiClient Owner, ApiClient Member, Guid ProjectId)> Arrange()
    {
        var owner = await SignedIn("Olive");
        var member = await SignedIn("Milo");
        var projectId = await owner.CreateProject();
        await owner.AddMember(projectId, member, "viewer");
        return (owner, member, projectId);
    }
}
