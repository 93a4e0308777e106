using System.Diagnostics;

namespace Restic.Net.Samples.WebApi.Auditing;

/// <summary>
/// Writes one audit event per API call, after the response status is known (it sits outside the
/// exception handler): who, what, which repository, the status and the duration. Never a body,
/// header or query value, so no password can reach the log.
/// </summary>
internal sealed partial class AuditMiddleware(RequestDelegate next, ILogger<AuditMiddleware> logger)
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which endpoints record the repository name.</summary>
    public const string RepositoryItem = "restic.repository";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Endpoints.ResticEndpoints.BasePath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The route template, not the path: ids stay out of the grouping, queries out of the log.
            var endpoint = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
            LogAudit(
                logger,
                context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name ?? "?" : "anonymous",
                context.Request.Method,
                endpoint,
                context.Items.TryGetValue(RepositoryItem, out var repository) ? repository as string : null,
                context.Response.StatusCode,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 2000, EventName = "ApiAudit", Level = LogLevel.Information,
        Message = "Audit: {Caller} {Method} {Route} repository={Repository} status={Status} in {ElapsedMs} ms")]
    private static partial void LogAudit(ILogger logger, string caller, string method, string route, string? repository, int status, long elapsedMs);
}
