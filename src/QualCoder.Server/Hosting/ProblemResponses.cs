using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using QualCoder.Server.Domain;

namespace QualCoder.Server.Hosting;

/// <summary>
/// Every refusal leaves the server as RFC 7807 problem details carrying a stable <c>code</c>, whether it came from a
/// decide function, a malformed request, or a concurrent writer. Nothing else may reach the client as a 500.
/// </summary>
public static class ProblemResponses
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static IResult ToProblem(this DomainError error) => Problem(StatusOf(error.Kind), error.Code, error.Message);

    /// <summary>The HTTP answer to a command: <paramref name="onAccepted"/> when it went through, else its problem.</summary>
    public static IResult ToHttp(this CommandOutcome outcome, Func<IResult> onAccepted) =>
        outcome.Error is { } error ? error.ToProblem() : onAccepted();

    public static IResult Problem(int status, string code, string message) => TypedResults.Problem(Details(status, code, message));

    public static ProblemDetails Details(int status, string code, string message) => new()
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status),
        Detail = message,
        Type = $"https://httpstatuses.io/{status}",
        Extensions = { ["code"] = code },
    };

    /// <summary>
    /// Problems the framework writes by itself (an unknown route, a body over the limit found while reading it) get
    /// a code and a sentence too, so a client never has to handle a problem without one.
    /// </summary>
    private static void AddMissingCode(ProblemDetails problem)
    {
        if (problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        (string code, string message) = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ("REQUEST/MALFORMED", "The request could not be read."),
            StatusCodes.Status404NotFound => ("REQUEST/NO_SUCH_ROUTE", "Nothing is served at this address."),
            StatusCodes.Status405MethodNotAllowed => ("REQUEST/METHOD_NOT_ALLOWED", "This address does not accept this HTTP method."),
            StatusCodes.Status413PayloadTooLarge => ("REQUEST/TOO_LARGE", "The request body is larger than this server accepts."),
            StatusCodes.Status415UnsupportedMediaType => ("REQUEST/UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json."),
            _ => ("REQUEST/FAILED", problem.Title ?? "The request failed."),
        };
        problem.Extensions["code"] = code;
        problem.Detail ??= message;
    }

    public static IServiceCollection AddProblemResponses(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => AddMissingCode(context.ProblemDetails));
        services.AddExceptionHandler<ExceptionProblems>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>Optimistic concurrency and unique indexes are how the store refuses the loser of a race.</summary>
    public static bool IsLostRace(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is ConcurrencyException or ExistingStreamIdCollisionException or DocumentAlreadyExistsException
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns the exceptions a bad request or a lost race can raise into problem details.</summary>
    private sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            var (status, code, message) = Classify(exception);
            if (status == StatusCodes.Status500InternalServerError)
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            }

            context.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Details(status, code, message),
                Exception = exception,
            });
        }

        private static (int Status, string Code, string Message) Classify(Exception exception) => exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "REQUEST/TOO_LARGE", "The request body is larger than this server accepts."),
            BadHttpRequestException bad =>
                (bad.StatusCode, "REQUEST/MALFORMED", Describe(bad)),
            _ when IsLostRace(exception) =>
                (409, StreamCommands.ConcurrentWrite.Code, StreamCommands.ConcurrentWrite.Message),
            _ => (500, "SERVER/UNEXPECTED", "The server failed unexpectedly; the change was not saved."),
        };

        // The JSON reader's message names the offending field or position, which is what the caller needs.
        private static string Describe(BadHttpRequestException bad) =>
            bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message;
    }
}
