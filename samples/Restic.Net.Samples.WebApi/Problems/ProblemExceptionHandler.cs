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
    public const string TooLarge = "The request body is larger than this server accepts (Kestrel:Limits:MaxRequestBodySize).";

    public const string NotJson = "Send the body as JSON, with Content-Type: application/json.";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is BadHttpRequestException bad ? await RequestProblemAsync(httpContext, bad) : ToProblem(exception);
        if (problem.Status >= 500)
        {
            LogServerError(logger, problem.Status ?? 500, problem.Title ?? string.Empty, exception);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A request ASP.NET Core could not bind: named by the API's own member or parameter name, with what it
    /// takes. System.Text.Json's and ASP.NET Core's own texts name .NET types, and are never returned.
    /// </summary>
    private static async Task<ProblemDetails> RequestProblemAsync(HttpContext context, BadHttpRequestException exception)
    {
        var body = BodyContract.Of(context);
        switch (exception)
        {
            case { StatusCode: StatusCodes.Status413PayloadTooLarge }:
                return Problem(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", TooLarge);
            case { StatusCode: StatusCodes.Status415UnsupportedMediaType }:
                return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", NotJson);
            case { InnerException: JsonException json } when UnmappedMember().Match(json.Message) is { Success: true } unmapped:
                // The serializer stops at the first unknown member: name every one the body has.
                var names = await UnknownMembersAsync(context, body) is { Count: > 0 } all ? all : [unmapped.Groups["name"].Value];
                return Invalid(names.ToDictionary(n => n, n => UnknownMember(n, body), StringComparer.Ordinal));
            case { InnerException: JsonException json } when DuplicateMember().Match(json.Message) is { Success: true } duplicate:
                var repeated = duplicate.Groups["name"].Value;
                return Invalid(repeated, $"'{repeated}' appears more than once in the body; give each field once (which one counts would otherwise be a guess).");
            case { InnerException: JsonException { InnerException: { } reader } json } when reader.GetType().Name == "JsonReaderException":
                return Invalid("body", $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).");
            case { InnerException: JsonException { Path: { Length: > 2 } path } json } when TopMember().Match(path) is { Success: true } member:
                var name = member.Groups["name"].Value;
                var takes = body?.Describe(name);
                if (json.Message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
                {
                    return Invalid(name, $"{name} may not be null: {(takes is null ? "give a value" : "give " + takes)}, or leave the field out.");
                }

                return Invalid(name, takes is null
                    ? $"The JSON body could not be read at '{path[2..]}': the value has the wrong type."
                    : $"{name} must be {takes}.");
            case { InnerException: JsonException }:
                return Invalid("body", "The body is not valid JSON for this endpoint: it must be one JSON object.");
            case var bad when BindFailure().Match(bad.Message) is { Success: true } binding:
                var parameter = QueryName(context, binding.Groups["name"].Value);
                return Invalid(parameter, $"{parameter} must be {(binding.Groups["type"].Value is "int" or "long" ? "a whole number" : "a " + binding.Groups["type"].Value)}.");
            default:
                return ToProblem(exception);
        }
    }

    public static ProblemDetails ToProblem(Exception exception)
    {
        switch (exception)
        {
            case ApiProblemException api:
                var problem = api.Field is { } field
                    ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [api.Message] }) { Status = api.Status, Title = api.Title, Detail = api.Message }
                    : Problem(api.Status, api.Title, api.Message);
                foreach (var (key, value) in api.Extensions)
                {
                    problem.Extensions[key] = value;
                }

                return problem;
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

    /// <summary>A running job whose instance has not shown it is alive for <paramref name="lostAfter"/>.</summary>
    public static ProblemDetails Lost(TimeSpan lostAfter) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Job instance not answering", FormattableString.Invariant($"The server instance running the job (its instance) has not recorded it for more than {lostAfter.TotalSeconds:0} s: it stopped or lost the state database. If it finishes the job after all, its outcome replaces this one; restic's lock, if any, is left for the lock housekeeping."));

    private static ProblemDetails Problem(int status, string title, string detail) => new() { Status = status, Title = title, Detail = detail };

    private static HttpValidationProblemDetails Invalid(string field, string detail) =>
        Invalid(new Dictionary<string, string>(StringComparer.Ordinal) { [field] = detail });

    /// <summary>A 400 naming each field at fault; the detail says all of it.</summary>
    private static HttpValidationProblemDetails Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = string.Join(" ", errors.Values),
        };

    private static string UnknownMember(string name, BodyContract? body) =>
        body?.CaseVariantOf(name) is { } known
            ? $"Unknown field '{name}': field names are case-sensitive; this endpoint takes '{known}'."
            : LegacyFields.Unknown("field", name);

    /// <summary>The body's unknown members, read again from the buffered body; empty when it cannot be.</summary>
    private static async Task<IReadOnlyList<string>> UnknownMembersAsync(HttpContext context, BodyContract? body)
    {
        if (body is null || !context.Request.Body.CanSeek)
        {
            return [];
        }

        try
        {
            context.Request.Body.Position = 0;
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return body.UnknownMembersOf(document.RootElement);
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The query parameter's name on the wire (<c>page_size</c>) for the handler's parameter (<c>pageSize</c>).</summary>
    private static string QueryName(HttpContext context, string parameter) =>
        BodyContract.RoutedEndpoint(context)?.Metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault()?.GetParameters()
            .FirstOrDefault(p => p.Name == parameter)?.GetCustomAttributes(typeof(FromQueryAttribute), false).OfType<FromQueryAttribute>().FirstOrDefault()?.Name
        ?? ToSnakeCase(parameter);

    /// <summary>The exception's own sentence, without .NET's " (Parameter 'X')" and "Actual value was" suffixes.</summary>
    private static string WithoutParameterSuffix(ArgumentException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut < 0 ? message : message[..cut];
    }

    [GeneratedRegex("^The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("^Duplicate property '(?<name>[^']*)'")]
    private static partial Regex DuplicateMember();

    // "$.keep_daily" or "$.tags[0]": the body's top-level member.
    [GeneratedRegex(@"^\$\.(?<name>[A-Za-z0-9_]+)")]
    private static partial Regex TopMember();

    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^ \"]+) (?<name>[^\"]+)\"")]
    private static partial Regex BindFailure();

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
