using Microsoft.Extensions.Options;
using Restic.Net.Samples.Worker.Configuration;

namespace Restic.Net.Samples.Worker.Scheduling;

/// <summary>
/// Runs one backup (then its retention) or one check through the repository's named client, logs
/// an audit event and records the outcome. Failures are recorded, not thrown: one broken job must
/// not stop the others' schedules.
/// </summary>
internal sealed partial class TaskRunner(IServiceProvider services, RunHistory history, TimeProvider time, ILogger<TaskRunner> logger)
{
    public async Task BackupAsync(BackupJobOptions job, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        history.Start(job.Name);
        string? snapshot = null;
        var removed = 0;
        try
        {
            var client = services.GetRequiredKeyedService<IResticClient>(job.Repository);
            var summary = await client.BackupAsync(
                job.Sources, new BackupOptions { Excludes = job.Excludes, Tags = job.Tags },
                new HistoryProgress(history, job.Name),
                cancellationToken);
            snapshot = summary.SnapshotId?.Value;
            if (job.Retention is { } retention)
            {
                // restic groups by host and paths: only this job's own snapshots are thinned out.
                var forget = await client.ForgetAsync(
                    retention.ToPolicy(), new ForgetOptions { Prune = retention.Prune, Filter = new SnapshotFilter { Paths = job.Sources } },
                    cancellationToken);
                removed = forget.Removed.Count;
            }

            Finish(job.Name, scheduledFor, started, summary.IsComplete ? "succeeded" : "partial", snapshot, removed, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Finish(job.Name, scheduledFor, started, "cancelled", snapshot, removed, null);
            throw;
        }
        catch (ResticException e)
        {
            Finish(job.Name, scheduledFor, started, "failed", snapshot, removed, e.Message);
        }
    }

    public async Task CheckAsync(CheckJobOptions check, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        var name = "check:" + check.Repository;
        var started = time.GetUtcNow();
        history.Start(name);
        try
        {
            var client = services.GetRequiredKeyedService<IResticClient>(check.Repository);
            var result = await client.CheckAsync(new CheckOptions { ReadDataSubset = check.ToSubset() }, cancellationToken);
            Finish(name, scheduledFor, started, result.IsHealthy ? "succeeded" : "failed", null, 0, result.IsHealthy ? null : string.Join("; ", result.Errors));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Finish(name, scheduledFor, started, "cancelled", null, 0, null);
            throw;
        }
        catch (ResticException e)
        {
            Finish(name, scheduledFor, started, "failed", null, 0, e.Message);
        }
    }

    private void Finish(string task, DateTimeOffset scheduledFor, DateTimeOffset started, string outcome, string? snapshot, int removed, string? error)
    {
        var record = new RunRecord(task, scheduledFor, started, time.GetUtcNow(), outcome, snapshot, removed, error);
        var level = outcome == "failed" ? LogLevel.Error : LogLevel.Information;
        if (snapshot is null && removed == 0)
        {
            // A check, or a backup that ended before it made a snapshot: no snapshot or retention to report.
            LogCheckRun(logger, level, task, scheduledFor, outcome, error);
        }
        else
        {
            LogRun(logger, level, task, scheduledFor, outcome, snapshot ?? "(none)", removed, error);
        }
        history.Record(record);
    }

    [LoggerMessage(EventId = 3000, EventName = "ScheduledRun", Message = "Scheduled {Task} (due {ScheduledFor:u}) {Outcome}: snapshot {SnapshotId}, {SnapshotsRemoved} snapshots removed by retention. {Error}")]
    private static partial void LogRun(ILogger logger, LogLevel level, string task, DateTimeOffset scheduledFor, string outcome, string? snapshotId, int snapshotsRemoved, string? error);

    [LoggerMessage(EventId = 3001, EventName = "ScheduledCheck", Message = "Scheduled {Task} (due {ScheduledFor:u}) {Outcome}. {Error}")]
    private static partial void LogCheckRun(ILogger logger, LogLevel level, string task, DateTimeOffset scheduledFor, string outcome, string? error);

    /// <summary>Keeps the latest progress in the history, synchronously (no reordering).</summary>
    private sealed class HistoryProgress(RunHistory history, string task) : IProgress<BackupProgress>
    {
        public void Report(BackupProgress value) => history.Report(task, value);
    }
}
