using QualCoder.Server.Domain;
using QualCoder.Server.Features.Codebook;
using QualCoder.Server.Features.Projects;
using static QualCoder.Server.Tests.Features.Given;
using CodebookState = QualCoder.Server.Features.Codebook.Codebook;

namespace QualCoder.Server.Tests.Features.Codebook;

/// <summary>
/// Codebooks built as the event store builds them, by folding events through Apply. The sample codebook:
/// <code>
/// Feelings            (category)
///   Positive          (category)
///     Joy             (code, #e6194b)
///   Fear              (code)
/// Anger               (code, in no category)
/// </code>
/// </summary>
public static class GivenCodebook
{
    public static readonly Guid Feelings = Id(0xc1);
    public static readonly Guid Positive = Id(0xc2);
    public static readonly Guid Joy = Id(0xd1);
    public static readonly Guid Fear = Id(0xd2);
    public static readonly Guid Anger = Id(0xd3);

    /// <summary>An id no codebook here contains.</summary>
    public static readonly Guid Unknown = Id(0xee);

    public static CodebookState Sample(params object[] later) => Fold(
    [
        CategoryWasCreated(Feelings, "Feelings"),
        CategoryWasCreated(Positive, "Positive", Feelings),
        CodeWasCreated(Joy, "Joy", Positive),
        CodeWasCreated(Fear, "Fear", Feelings),
        CodeWasCreated(Anger, "Anger"),
        .. later,
    ]);

    public static CodeCreated CodeWasCreated(Guid codeId, string name, Guid? categoryId = null, string color = "#e6194b", string memo = "") =>
        new(ProjectId, codeId, name, color, memo, categoryId, Editor, Earlier);

    public static CategoryCreated CategoryWasCreated(Guid categoryId, string name, Guid? parentId = null, string memo = "") =>
        new(ProjectId, categoryId, name, parentId, memo, Editor, Earlier);

    public static CodebookState Fold(params object[] events) => FoldCodebook(events);

    /// <summary>Asserts an accepted decision with exactly these events, in order.</summary>
    public static void AcceptedAll(Decision decision, params object[] expected)
    {
        Assert.Null(decision.Error);
        Assert.Equal(expected, decision.Events);
    }

    private static Guid Id(int n) => Guid.Parse($"0197a000-0000-7000-8000-{n:x12}");
}
