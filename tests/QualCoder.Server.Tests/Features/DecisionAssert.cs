using QualCoder.Server.Domain;
using QualCoder.Server.Features.Coding;

namespace QualCoder.Server.Tests.Features;

public static class DecisionAssert
{
    public static void Accepted(Decision decision, object expected)
    {
        Assert.Null(decision.Error);
        Assert.Equal(expected, Assert.Single(decision.Events));
    }

    public static void AcceptedWithoutEvents(Decision decision)
    {
        Assert.Null(decision.Error);
        Assert.Empty(decision.Events);
    }

    public static DomainError Refused(Decision decision, string code, ErrorKind kind)
    {
        Assert.False(decision.IsAccepted, $"Expected {code}, but the decision was accepted with {decision.Events.Count} event(s).");
        var error = decision.Error!;
        Assert.Equal(code, error.Code);
        Assert.Equal(kind, error.Kind);
        Assert.Empty(decision.Events);
        return error;
    }

    /// <summary>The whole batch was refused (access, size): no item was tried.</summary>
    public static DomainError Refused(CodingsDecision decision, string code, ErrorKind kind)
    {
        var error = Assert.IsType<DomainError>(decision.Error);
        Assert.Equal((code, kind), (error.Code, error.Kind));
        Assert.Empty(decision.Results);
        Assert.Empty(decision.Events);
        return error;
    }

    /// <summary>The batch was tried, and the item at <paramref name="index"/> failed with <paramref name="code"/>.</summary>
    public static DomainError ItemRefused(CodingsDecision decision, int index, string code, ErrorKind kind)
    {
        Assert.Null(decision.Error);
        var result = decision.Results[index];
        Assert.Equal(index, result.Index);
        Assert.Null(result.Segment);
        var error = Assert.IsType<DomainError>(result.Error);
        Assert.Equal((code, kind), (error.Code, error.Kind));
        return error;
    }
}
