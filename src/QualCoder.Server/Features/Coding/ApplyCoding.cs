using QualCoder.Server.Features.Accounts;
using QualCoder.Server.Hosting;
using Wolverine;

namespace QualCoder.Server.Features.Coding;

/// <summary>
/// One coding as a client sends it: offsets in code points (start, end exclusive), or a quote and which
/// occurrence of it (from 1) for the server to find.
/// </summary>
public sealed record CodingRequest(
    Guid SourceId, Guid CodeId, int? Start = null, int? End = null, string? Quote = null, int? Occurrence = null, string? Memo = null, int? Importance = null)
{
    public CodingItem ToItem() => new(Guid.CreateVersion7(), SourceId, CodeId, new SegmentAnchor(Start, End, Quote, Occurrence), Memo, Importance);
}

public sealed record CodingBatchRequest(IReadOnlyList<CodingRequest> Items);

/// <summary>Each item's fate, as QualCoder v2's batch_apply_codes reports it.</summary>
public sealed record CodingBatchItem(int Index, bool Success, Guid? SegmentId, string? ErrorCode, string? Error);

public sealed record CodingBatchReply(int Total, int Succeeded, int Failed, bool AllSucceeded, IReadOnlyList<CodingBatchItem> Results);

/// <summary>The HTTP adapters of <see cref="ApplyCodings"/>: one coding, or a batch of up to 10,000.</summary>
public static class ApplyCoding
{
    internal static void Map(RouteGroupBuilder segments)
    {
        segments
            .MapPost("/", async (Guid projectId, CodingRequest body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
            {
                var outcome = await bus.InvokeAsync<ApplyCodingsOutcome>(new ApplyCodings(projectId, [body.ToItem()], http.User.ToActor()), ct);
                if ((outcome.Error ?? outcome.Results[0].Error) is { } error)
                {
                    return error.ToProblem();
                }

                var segment = outcome.Results[0].Segment!;
                return TypedResults.Created($"/api/projects/{projectId}/segments/{segment.Id}", segment);
            })
            .WithName("ApplyCoding")
            .WithSummary("Applies a code to a span of a text source (by offsets in code points, or by quote). Coders and up.")
            .Produces<Segment>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        segments
            .MapPost("/batch", async (Guid projectId, CodingBatchRequest body, HttpContext http, IMessageBus bus, CancellationToken ct) =>
            {
                var command = new ApplyCodings(projectId, [.. body.Items.Select(i => i.ToItem())], http.User.ToActor());
                var outcome = await bus.InvokeAsync<ApplyCodingsOutcome>(command, ct);
                if (outcome.Error is { } error)
                {
                    return error.ToProblem();
                }

                var items = outcome.Results
                    .Select(r => new CodingBatchItem(r.Index, r.Error is null, r.Segment?.Id, r.Error?.Code, r.Error?.Message))
                    .ToList();
                var succeeded = items.Count(i => i.Success);
                return TypedResults.Ok(new CodingBatchReply(items.Count, succeeded, items.Count - succeeded, succeeded == items.Count, items));
            })
            .WithName("ApplyCodingBatch")
            .WithSummary("Applies up to 10,000 codings in one transaction; valid items land even when others fail, and each is reported.")
            // A batch of 10,000 codings with quotes is far larger than the API's default body limit.
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(64 * 1024 * 1024))
            .Produces<CodingBatchReply>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
