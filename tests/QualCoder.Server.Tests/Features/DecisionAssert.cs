using QualCoder.Server.Domain;

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
}
