using QualCoder.Server.Tests.Infrastructure;

namespace QualCoder.Server.Tests.Features.Coding;

/// <summary>A project with an owner, a coder and a viewer, one code and one source, ready to be coded.</summary>
internal sealed record CodingScenario(Guid ProjectId, ApiClient Owner, ApiClient Coder, ApiClient Viewer, Seed Seed, Guid CodeId, Guid SourceId)
{
    public const string Text = "I felt 🎉 so relieved. The nurse said e\u0301cole was fine. I felt calm.";

    public string Segments => $"/api/projects/{ProjectId}/segments";

    public static async Task<CodingScenario> Arrange<TApp>(IntegrationTest<TApp> test)
        where TApp : QualCoderApp
    {
        var owner = await test.SignedIn("Owner");
        var coder = await test.SignedIn("Coder");
        var viewer = await test.SignedIn("Viewer");
        var projectId = await owner.CreateProject();
        await owner.AddMember(projectId, coder, "coder");
        await owner.AddMember(projectId, viewer, "viewer");
        var seed = new Seed(test.App, projectId, owner.AccountId);
        return new CodingScenario(projectId, owner, coder, viewer, seed, await seed.Code("Relief"), await seed.Source(Text));
    }

    public object At(int start, int end, Guid? codeId = null) => new { sourceId = SourceId, codeId = codeId ?? CodeId, start, end };
}
