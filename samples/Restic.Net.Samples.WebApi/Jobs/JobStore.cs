using System.Collections.Concurrent;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Jobs;

/// <summary>
/// Starts and tracks background jobs. On shutdown it cancels the running ones and waits for them:
/// Restic.Net stops restic with SIGINT, so restic removes its lock before the host exits.
/// </summary>
internal sealed partial class JobStore(TimeProvider time, IHostApplicationLifetime lifetime, ILogger<JobStore> logger) : IHostedService
{
    // Finished jobs stay queryable until this many newer ones have finished; running ones always stay.
    private const int FinishedJobsKept = 100;

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Job Start(string kind, string repository, Func<Job, CancellationToken, Task<object>> work)
    {
        var job = new Job(kind, repository, time.GetUtcNow(), lifetime.ApplicationStopping);
        ForgetOldFinishedJobs();
        _jobs[job.Id] = job;
        LogJobStarted(logger, job.Id, kind, repository);
        job.Completion = Task.Run(() => RunAsync(job, work));
        return job;
    }

    public Job? Find(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = _jobs.Values.Where(j => j.State == JobState.Running).ToList();
        foreach (var job in running)
        {
            await job.Cancellation.CancelAsync();
        }

        await Task.WhenAll(running.Select(j => j.Completion)).WaitAsync(cancellationToken);
    }

    private void ForgetOldFinishedJobs()
    {
        foreach (var old in _jobs.Values.Where(j => j.State != JobState.Running).OrderByDescending(j => j.FinishedAt).Skip(FinishedJobsKept))
        {
            _jobs.TryRemove(old.Id, out _);
            old.Cancellation.Dispose();
        }
    }

    private async Task RunAsync(Job job, Func<Job, CancellationToken, Task<object>> work)
    {
        try
        {
            var result = await work(job, job.Cancellation.Token);
            job.Finish(JobState.Succeeded, result, null, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested)
        {
            job.Finish(JobState.Cancelled, new { message = "The job was cancelled; restic stopped gracefully." }, null, time.GetUtcNow());
        }
        catch (Exception exception)
        {
            job.Finish(JobState.Failed, null, ProblemExceptionHandler.ToProblem(exception), time.GetUtcNow());
        }

        LogJobFinished(logger, job.Id, job.Kind, job.Repository, job.State);
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) started on repository {Repository}")]
    private static partial void LogJobStarted(ILogger logger, Guid jobId, string kind, string repository);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) on repository {Repository} ended: {State}")]
    private static partial void LogJobFinished(ILogger logger, Guid jobId, string kind, string repository, JobState state);
}
