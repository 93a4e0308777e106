using System.Diagnostics;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Auditing;

/// <summary>
/// Records one audit entry per API call, after the response status is known (it sits outside the
/// exception handler): who, what, which repository, snapshot or job, the status and the duration.
/// The entry goes to the log (event 2000) and to the state database (<c>GET /audit</c>), so the trail
/// survives restarts. Never a body, header or query value, so no password can reach either.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, AuditTrail trail, TimeProvider time, ILogger<AuditMiddleware> logger)
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which endpoints record the repository name.</summary>
    public const string RepositoryItem = "restic.repository";

    /// <summary>The key for the snapshot an operation created or used.</summary>
    public const string SnapshotItem = "restic.snapshot";

    /// <summary>The key for the job a call started or asked about.</summary>
    public const string JobItem = "restic.job";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Endpoints.ResticEndpoints.BasePath, StringComparison.Ordinal))
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
            var entry = new AuditEntity
            {
                At = at,
                User = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "?" : "anonymous",
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
    }

    [LoggerMessage(EventId = 2000, EventName = "ApiAudit", Level = LogLevel.Information,
        Message = "Audit: {Caller} {Method} {Route} repository={Repository} status={Status} in {ElapsedMs} ms")]
    private static partial void LogAudit(ILogger logger, string caller, string method, string route, string? repository, int status, long elapsedMs);
}
