using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Restic.Net.Samples.WebApi.Problems;

/// <summary>
/// Turns every exception into problem details with a status a client can act on: the typed
/// Restic.Net errors map to 400/404/409/502/503/504, never a 500 with a stack trace. The texts
/// of Restic.Net exceptions are redacted by the library, so they are safe to return.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500)
        {
            LogServerError(logger, problem.Status ?? 500, problem.Title ?? string.Empty, exception);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails ToProblem(Exception exception)
    {
        switch (exception)
        {
            case ApiProblemException api when api.Field is { } field:
                return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [api.Message] })
                {
                    Status = api.Status,
                    Title = api.Title,
                    Detail = api.Message,
                };
            case ApiProblemException api:
                return Problem(api.Status, api.Title, api.Message);
            case BadHttpRequestException { InnerException: JsonException json } when UnmappedMember().Match(json.Message) is { Success: true } unmapped:
                var name = unmapped.Groups["name"].Value;
                return Invalid(name, LegacyFields.Unknown("field", name));
            case BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } }:
                // System.Text.Json's own text names .NET types; say which field, in the API's words ("$.keep_daily").
                return Invalid(path[2..], $"The JSON body could not be read at '{path[2..]}': the value has the wrong type, or the JSON is malformed.");
            case BadHttpRequestException { InnerException: JsonException }:
                return Invalid("body", "The body is not valid JSON for this endpoint.");
            case BadHttpRequestException bad when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal):
                return Invalid("body", "This endpoint needs a JSON body (Content-Type: application/json).");
            case BadHttpRequestException:
                return Problem(StatusCodes.Status400BadRequest, "Invalid request", "The request could not be read: check the path, the query parameters and the body.");
            case ArgumentException argument:
                return Invalid(ToSnakeCase(argument.ParamName ?? "request"), WithoutParameterSuffix(argument));
            case ResticRepositoryNotFoundException e:
                return Restic(StatusCodes.Status404NotFound, "Repository not found", "There is no restic repository at the registered location. Create it with POST /init.", e);
            case ResticSnapshotNotFoundException e:
                return Restic(StatusCodes.Status404NotFound, "Snapshot not found", "No snapshot matches the given id.", e);
            case ResticWrongPasswordException e:
                return Restic(StatusCodes.Status400BadRequest, "Wrong repository password", "The password (or password token) does not open the repository.", e);
            case ResticRepositoryLockedException e:
                var locked = Restic(StatusCodes.Status409Conflict, "Repository locked", "Another operation holds a lock on the repository; retry later.", e);
                locked.Extensions["lock_holder"] = e.LockHolder;
                return locked;
            case ResticRepositoryAlreadyExistsException e:
                return Restic(StatusCodes.Status409Conflict, "Repository exists", "A restic repository exists at that location already.", e);
            case ResticBackendUnreachableException e:
                return Restic(StatusCodes.Status502BadGateway, "Storage unreachable", "restic could not connect to the repository's storage; check that the server is up and the host name is right.", e);
            case ResticTimeoutException e:
                return Restic(StatusCodes.Status504GatewayTimeout, "restic made no progress", $"restic was stopped after {e.Timeout.TotalSeconds:0} s without progress; check the storage backend.", e);
            case ResticBinaryNotFoundException or ResticNotSupportedException:
                return Problem(StatusCodes.Status503ServiceUnavailable, "restic unavailable", exception.Message);
            case ResticException e:
                return Restic(StatusCodes.Status502BadGateway, "restic failed", "restic reported an error; see restic_message.", e);
            default:
                return Problem(StatusCodes.Status500InternalServerError, "Internal error", "The server failed to process the request; the error was logged.");
        }
    }

    /// <summary>A job whose instance stopped before it finished.</summary>
    public static ProblemDetails Interrupted() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Job interrupted", "The server instance running the job stopped before the job finished; restic's lock, if any, was left for the lock housekeeping. Start the job again.");

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static HttpValidationProblemDetails Invalid(string field, string detail) =>
        new(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = detail,
        };

    /// <summary>The exception's own sentence, without .NET's " (Parameter 'X')" and "Actual value was" suffixes.</summary>
    private static string WithoutParameterSuffix(ArgumentException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    [GeneratedRegex("^The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    private static ProblemDetails Restic(int status, string title, string detail, ResticException exception)
    {
        var problem = Problem(status, title, detail);
        problem.Extensions["restic_message"] = exception.ResticMessage;
        problem.Extensions["exit_code"] = exception.ExitCode;
        return problem;
    }

    private static string ToSnakeCase(string name) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Error, Message = "Request failed with {Status} ({Title})")]
    private static partial void LogServerError(ILogger logger, int status, string title, Exception exception);
}
