using System.Diagnostics;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Auditing;

/// <summary>
/// Records one audit entry per API call and per console action (every console POST: sign-in, backup, prune, restore,
/// unlock, key replacement, cancel; and every download), after the response status is known (it sits outside the
/// exception handler): who, what, which repository, snapshot or job, the status and the duration. The entry goes to
/// the log (event 2000) and to the state database (<c>GET /audit</c>, the console's audit page), so the trail survives
/// restarts. Never a body, header or query value (a console action's handler name aside), so no password can reach either.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, AuditTrail trail, TimeProvider time, ILogger<AuditMiddleware> logger)
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which endpoints record the repository name.</summary>
    public const string RepositoryItem = "restic.repository";

    /// <summary>The key for the snapshot an operation created or used.</summary>
    public const string SnapshotItem = "restic.snapshot";

    /// <summary>The key for the user when the request's own is not it yet (a console sign-in).</summary>
    public const string UserItem = "restic.user";

    /// <summary>The key for the job a call started or asked about.</summary>
    public const string JobItem = "restic.job";

    public async Task InvokeAsync(HttpContext context)
    {
        var console = context.Request.Path.StartsWithSegments(Console.ConsolePaths.Root, StringComparison.Ordinal);
        if (!console && !context.Request.Path.StartsWithSegments(Endpoints.ResticEndpoints.BasePath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var at = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The route template, not the path: ids stay out of the grouping, queries out of the log.
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
            if (!console || IsConsoleAction(context, endpoint)) // a console page view or asset is not an action
            {
                await RecordAsync(context, console ? "/" + endpoint.TrimStart('/') + ConsoleHandler(context) : endpoint, console, at, started);
            }
        }
    }

    private async Task RecordAsync(HttpContext context, string endpoint, bool console, DateTimeOffset at, long started)
    {
        if (console)
        {
            context.Items.TryAdd(RepositoryItem, context.GetRouteValue("repository") as string);
            context.Items.TryAdd(SnapshotItem, context.GetRouteValue("snapshot") as string);
            if (ConsoleJob(context) is { } startedJob)
            {
                context.Items.TryAdd(JobItem, startedJob);
            }
        }

        var entry = new AuditEntity
        {
            At = at,
            User = context.Items.TryGetValue(UserItem, out var user) && user is string named ? named
                : context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "?" : "anonymous",
            Action = context.Request.Method + " " + endpoint,
            Result = context.Response.StatusCode,
            Repository = context.Items.TryGetValue(RepositoryItem, out var repository) ? repository as string : null,
            SnapshotId = context.Items.TryGetValue(SnapshotItem, out var snapshot) ? snapshot as string : null,
            JobId = context.Items.TryGetValue(JobItem, out var job) ? job as Guid? : null,
            DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        };
        LogAudit(logger, entry.User, context.Request.Method, endpoint, entry.Repository, entry.Result, entry.DurationMs);
        await trail.RecordAsync(entry);
    }

    private static bool IsConsoleAction(HttpContext context, string endpoint) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        || endpoint.EndsWith("/download", StringComparison.Ordinal) || endpoint.EndsWith("/archive", StringComparison.Ordinal);

    /// <summary>The Razor Pages handler (<c>?handler=Unlock</c>) as <c>#Unlock</c>; only a plain name, never other query text.</summary>
    private static string ConsoleHandler(HttpContext context) =>
        context.Request.Query["handler"].ToString() is { Length: > 0 and <= 32 } handler && handler.All(char.IsAsciiLetter) ? "#" + handler : string.Empty;

    /// <summary>The job a console action started: the console redirects to the job's page.</summary>
    private static Guid? ConsoleJob(HttpContext context)
    {
        var prefix = Console.ConsolePaths.Root + "/jobs/";
        var location = context.Response.Headers.Location.ToString();
        return location.StartsWith(prefix, StringComparison.Ordinal) && Guid.TryParse(location.AsSpan(prefix.Length), out var id) ? id : null;
    }

    [LoggerMessage(EventId = 2000, EventName = "ApiAudit", Level = LogLevel.Information,
        Message = "Audit: {Caller} {Method} {Route} repository={Repository} status={Status} in {ElapsedMs} ms")]
    private static partial void LogAudit(ILogger logger, string caller, string method, string route, string? repository, int status, long elapsedMs);
}
