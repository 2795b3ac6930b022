namespace QualCoder.Server.Hosting;

/// <summary>
/// A command answers with the thing as it is after it. Someone may have removed that thing in the moment between
/// the commit and the read; then the command still succeeded, and the answer is 204 rather than an error.
/// </summary>
public static class Replies
{
    public static IResult OkOrGone<T>(T? value)
        where T : class => value is null ? TypedResults.NoContent() : TypedResults.Ok(value);

    public static IResult CreatedOrGone<T>(string location, T? value)
        where T : class => value is null ? TypedResults.NoContent() : TypedResults.Created(location, value);
}
