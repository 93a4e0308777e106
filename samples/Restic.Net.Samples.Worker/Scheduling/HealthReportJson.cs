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
        // The web API sample's GET /health shape: status, checked_at, then one entry per check.
        var body = new
        {
            Status = report.Status.ToString().ToLowerInvariant(),
            CheckedAt = DateTimeOffset.UtcNow,
            Checks = report.Entries.Select(e => new
            {
                Name = e.Key,
                Status = e.Value.Status.ToString().ToLowerInvariant(),
                Description = e.Value.Description ?? string.Empty,
                e.Value.Data,
                DurationMs = (long)e.Value.Duration.TotalMilliseconds,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, s_options), context.RequestAborted);
    }
}
