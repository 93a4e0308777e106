using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Restic.Net.Samples.Worker.Scheduling;

/// <summary>
/// Writes the health report as JSON: the overall status, then each check (every repository and the
/// schedule) with its status, description and data (latest snapshot and its age, the last runs, ...),
/// so that a dashboard sees why, not just one word.
/// </summary>
internal static class HealthReportJson
{
    private static readonly JsonSerializerOptions s_options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            Status = report.Status.ToString().ToLowerInvariant(),
            DurationMs = (long)report.TotalDuration.TotalMilliseconds,
            Checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    Status = e.Value.Status.ToString().ToLowerInvariant(),
                    e.Value.Description,
                    e.Value.Data,
                    DurationMs = (long)e.Value.Duration.TotalMilliseconds,
                    Error = e.Value.Exception?.GetType().Name,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, s_options), context.RequestAborted);
    }
}
