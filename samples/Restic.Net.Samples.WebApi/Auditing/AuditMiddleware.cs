using System.Diagnostics;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Auditing;

/// <summary>
/// Records one audit entry per API call, after the response status is known (it sits outside the
/// exception handler): who, what, which repository, snapshot or job, the status and the duration.
/// The entry goes to the log (event 2000) and to the state database (<c>GET /audit</c>), so the trail
/// survives restarts. Never a body, header or query value, so no password can reach either.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, StateDatabase database, TimeProvider time, ILogger<AuditMiddleware> logger)
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
            await RecordAsync(entry);
        }
    }

    private async Task RecordAsync(AuditEntity entry)
    {
        try
        {
            await using var db = database.Open();
            db.Audit.Add(entry);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The log line above has the entry; the caller's response is not failed for the trail.
            LogRecordFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 2000, EventName = "ApiAudit", Level = LogLevel.Information,
        Message = "Audit: {Caller} {Method} {Route} repository={Repository} status={Status} in {ElapsedMs} ms")]
    private static partial void LogAudit(ILogger logger, string caller, string method, string route, string? repository, int status, long elapsedMs);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "The audit entry could not be written to the state database")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception);
}
