using Microsoft.Extensions.Options;
using Restic.Net.Samples.Worker.Configuration;

namespace Restic.Net.Samples.Worker.Scheduling;

/// <summary>
/// Waits on the injected <see cref="TimeProvider"/> until the next task is due and runs the due
/// ones one after another (restic serialises writers to a repository anyway). On shutdown the
/// host cancels the token: a running backup is stopped gracefully and leaves no lock.
/// </summary>
internal sealed partial class BackupScheduler(IOptions<WorkerOptions> options, TaskRunner runner, TimeProvider time, ILogger<BackupScheduler> logger) : BackgroundService
{
    /// <summary>The time the scheduler is waiting for; null while tasks run.</summary>
    public DateTimeOffset? WaitingUntil { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tasks = CreateTasks(options.Value);
        var now = time.GetUtcNow();
        foreach (var task in tasks)
        {
            task.Advance(now);
            LogScheduled(logger, task.Name, task.Next);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = tasks.Where(t => t.Next is not null).MinBy(t => t.Next);
            if (next?.Next is not { } due)
            {
                return; // nothing (more) to schedule
            }

            WaitingUntil = due;
            var delay = due - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            WaitingUntil = null;
            foreach (var task in tasks.Where(t => t.Next <= due).ToList())
            {
                try
                {
                    await task.Run(task.Next!.Value, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                task.Advance(Max(time.GetUtcNow(), due));
                LogScheduled(logger, task.Name, task.Next);
            }
        }
    }

    private List<ScheduledTask> CreateTasks(WorkerOptions settings)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var tasks = new List<ScheduledTask>();
        foreach (var job in settings.Jobs)
        {
            tasks.Add(new ScheduledTask(job.Name, WorkerOptionsValidator.ParseSchedule(job.Schedule), zone, (due, token) => runner.BackupAsync(job, due, token)));
        }

        foreach (var check in settings.Checks)
        {
            tasks.Add(new ScheduledTask("check:" + check.Repository, WorkerOptionsValidator.ParseSchedule(check.Schedule), zone, (due, token) => runner.CheckAsync(check, due, token)));
        }

        return tasks;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "{Task} next runs at {Next:u}")]
    private static partial void LogScheduled(ILogger logger, string task, DateTimeOffset? next);
}
