using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Restic.Net.Samples.Worker.Scheduling;

/// <summary>Degraded while the last run of any task failed; the repository checks cover reachability and snapshot age.</summary>
internal sealed class ScheduleHealthCheck(RunHistory history) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = history.Last.Values.Where(r => r.Outcome == "failed").Select(r => r.Task).Order(StringComparer.Ordinal).ToList();
        var data = history.Last.ToDictionary(p => p.Key, p => (object)p.Value.Outcome);
        foreach (var (task, progress) in history.Running)
        {
            data[task] = $"running, {progress.PercentDone:P0}";
        }

        return Task.FromResult(failed.Count == 0
            ? HealthCheckResult.Healthy($"{history.Last.Count} tasks have run; none failed last time.", data)
            : HealthCheckResult.Degraded($"Last run failed: {string.Join(", ", failed)}.", data: data));
    }
}
