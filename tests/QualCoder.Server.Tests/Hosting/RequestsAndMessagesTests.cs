using System.Diagnostics;
using OpenTelemetry.Trace;
using QualCoder.Server.Hosting;

namespace QualCoder.Server.Tests.Hosting;

/// <summary>Traces start at requests and messages; the background polls of the daemon and the durability agent start none.</summary>
public sealed class RequestsAndMessagesTests
{
    [Theory]
    [InlineData(ActivityKind.Server, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Consumer, SamplingDecision.RecordAndSample)]
    [InlineData(ActivityKind.Internal, SamplingDecision.Drop)]
    [InlineData(ActivityKind.Client, SamplingDecision.Drop)]
    public void a_root_span_is_kept_only_for_a_request_or_a_message(ActivityKind kind, SamplingDecision expected)
    {
        var root = new SamplingParameters(default, ActivityTraceId.CreateRandom(), "span", kind);

        Assert.Equal(expected, new RequestsAndMessages().ShouldSample(root).Decision);
    }
}
