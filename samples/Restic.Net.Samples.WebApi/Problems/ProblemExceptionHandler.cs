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
            case BadHttpRequestException bad:
                return Problem(StatusCodes.Status400BadRequest, "Invalid request", bad.InnerException is System.Text.Json.JsonException json ? "The body is not valid JSON for this endpoint: " + json.Message : bad.Message);
            case ArgumentException argument:
                return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [ToSnakeCase(argument.ParamName ?? "request")] = [argument.Message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid request",
                    Detail = argument.Message,
                };
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

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

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
