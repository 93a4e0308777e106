using System.Collections.Concurrent;
using System.Text.Json;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.State;

namespace Restic.Net.Samples.WebApi.Jobs;

/// <summary>
/// Runs jobs in the background and records each one in the state database: who started it, where
/// it runs, its latest progress and its final result, so that every instance (and this one after a
/// restart) can answer for it and stream its progress. The database's job row is the only channel
/// between instances: once a <see cref="PollInterval"/> the running instance writes the latest
/// progress and that it is alive, and reads cancellations asked elsewhere; a follower on another instance reads
/// the row; and every <see cref="SweepInterval"/> each instance marks failed the jobs whose instance has not shown
/// it is alive for <see cref="StateOptions.JobLostAfter"/>.
/// </summary>
internal sealed partial class JobStore(
    StateDatabase database,
    IOptions<JsonOptions> json,
    IOptions<StateOptions> state,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<JobStore> logger) : BackgroundService
{
    /// <summary>How often progress is recorded, cancellations are picked up, and a job of another instance is read.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>How often an instance looks for jobs whose instance stopped answering.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(5);

    private readonly TimeSpan _lostAfter = state.Value.JobLostAfter >= 3 * PollInterval
        ? state.Value.JobLostAfter
        : throw new InvalidOperationException($"State:JobLostAfter must be at least 3 seconds (three of the intervals at which a running job is shown alive); it is {state.Value.JobLostAfter}.");

    // Live jobs (with their event streams) stay in memory until this many newer ones have finished.
    private const int FinishedJobsKept = 100;

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public string InstanceName => database.InstanceName;

    public async Task<Job> StartJobAsync(string kind, string repository, string startedBy, Func<Job, CancellationToken, Task<object>> work, CancellationToken cancellationToken)
    {
        var job = new Job(kind, repository, startedBy, time.GetUtcNow(), lifetime.ApplicationStopping);
        await using (var db = database.Open())
        {
            db.Jobs.Add(new JobEntity
            {
                Id = job.Id,
                Kind = kind,
                Repository = repository,
                State = nameof(JobState.Running),
                StartedBy = startedBy,
                Instance = InstanceName,
                CreatedAt = job.CreatedAt,
                HeartbeatAt = job.CreatedAt,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        ForgetOldFinishedJobs();
        _jobs[job.Id] = job;
        LogJobStarted(logger, job.Id, kind, repository);
        job.Completion = Task.Run(() => RunAsync(job, work), CancellationToken.None);
        return job;
    }

    /// <summary>The job if it runs (or ran) in this process, with its live events.</summary>
    public Job? FindLocal(Guid id) => _jobs.TryGetValue(id, out var job) ? job : null;

    /// <summary>The job as recorded, wherever it runs.</summary>
    public async Task<JobResponse?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (FindLocal(id) is { } local)
        {
            return JobResponse.From(local, InstanceName);
        }

        await using var db = database.Open();
        return await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken) is { } stored ? ToResponse(stored) : null;
    }

    /// <summary>A page of jobs, newest first.</summary>
    public async Task<(IReadOnlyList<JobResponse> Jobs, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = database.Open();
        var total = await db.Jobs.CountAsync(cancellationToken);
        var stored = await db.Jobs.AsNoTracking().OrderByDescending(j => j.CreatedAt).ThenBy(j => j.Id).Skip(Endpoints.Paging.RowsBefore(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return ([.. stored.Select(s => FindLocal(s.Id) is { } local ? JobResponse.From(local, InstanceName) : ToResponse(s))], total);
    }

    /// <summary>Cancels a job here, or records the request for the instance that runs it.</summary>
    /// <returns>The job's record afterwards; null if there is no such job.</returns>
    public async Task<JobResponse?> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        if (FindLocal(id) is { } local)
        {
            if (local.State == JobState.Running)
            {
                await local.Cancellation.CancelAsync();
                await local.Completion;
            }

            return JobResponse.From(local, InstanceName);
        }

        await using var db = database.Open();
        await db.Jobs.Where(j => j.Id == id && j.State == nameof(JobState.Running)).ExecuteUpdateAsync(j => j.SetProperty(e => e.CancelRequested, true), cancellationToken);
        return await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken) is { } stored ? ToResponse(stored) : null;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Jobs this instance left running when it stopped without finishing them cannot finish any more.
        await using (var db = database.Open())
        {
            var interrupted = JsonSerializer.Serialize(ProblemExceptionHandler.Interrupted(), json.Value.SerializerOptions);
            await db.Jobs.Where(j => j.Instance == InstanceName && j.State == nameof(JobState.Running))
                .ExecuteUpdateAsync(j => j.SetProperty(e => e.State, nameof(JobState.Failed)).SetProperty(e => e.ErrorJson, interrupted).SetProperty(e => e.FinishedAt, time.GetUtcNow()), cancellationToken);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Every job that has not finished recording its end, not only the running ones.
        var unfinished = _jobs.Values.Where(j => !j.Completion.IsCompleted).ToList();
        foreach (var job in unfinished.Where(j => j.State == JobState.Running))
        {
            await job.Cancellation.CancelAsync();
        }

        await Task.WhenAll(unfinished.Select(j => j.Completion)).WaitAsync(cancellationToken);
        await base.StopAsync(cancellationToken);
    }

    /// <summary>
    /// A job's events wherever it runs: from memory when it runs (or ran) here; else from its row, read once a
    /// <see cref="PollInterval"/>: the latest progress when it has changed, then the final event. A follower on
    /// another instance sees progress at most a poll late and skips reports between polls, never the end.
    /// </summary>
    public async IAsyncEnumerable<JobEvent> FollowAsync(Guid id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (FindLocal(id) is { } local)
        {
            await foreach (var item in local.ReadEventsAsync(cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        long seen = 0;
        while (true)
        {
            JobEntity? stored;
            await using (var db = database.Open())
            {
                stored = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
            }

            if (stored is null)
            {
                yield break;
            }

            if (stored.ProgressSequence > seen && stored.ProgressJson is { } progress)
            {
                seen = stored.ProgressSequence;
                yield return new JobEvent(seen, "progress", System.Text.Json.Nodes.JsonNode.Parse(progress)!);
            }

            if (stored.State != nameof(JobState.Running))
            {
                var record = ToResponse(stored);
                yield return new JobEvent(seen + 1, FinalEventType(record.State), (object?)record.Error ?? record.Result ?? new { });
                yield break;
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    /// <summary>The name of a job's last event: <c>completed</c>, <c>cancelled</c> or <c>failed</c>.</summary>
    public static string FinalEventType(JobState state) => state switch
    {
        JobState.Succeeded => "completed",
        JobState.Cancelled => "cancelled",
        _ => "failed",
    };

    /// <summary>
    /// Records the latest progress of jobs running here and that this instance is alive, picks up cancellations other
    /// instances recorded, and marks failed the jobs of instances that stopped answering.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var recorded = new Dictionary<Guid, long>();
        var lastSweep = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (time.GetUtcNow() - lastSweep >= SweepInterval)
            {
                lastSweep = time.GetUtcNow();
                await MarkLostJobsAsync(stoppingToken);
            }

            var runningJobs = _jobs.Values.Where(j => j.State == JobState.Running).ToList();
            foreach (var gone in recorded.Keys.Except(runningJobs.Select(j => j.Id)).ToList())
            {
                recorded.Remove(gone);
            }

            if (runningJobs.Count == 0)
            {
                continue;
            }

            try
            {
                await using var db = database.Open();
                var running = runningJobs.Select(j => j.Id).ToList();
                var now = time.GetUtcNow();
                await db.Jobs.Where(j => running.Contains(j.Id) && j.State == nameof(JobState.Running))
                    .ExecuteUpdateAsync(j => j.SetProperty(e => e.HeartbeatAt, now), stoppingToken);
                foreach (var job in runningJobs)
                {
                    if (job.LatestProgress is { } progress && progress.Sequence > recorded.GetValueOrDefault(job.Id))
                    {
                        var progressJson = JsonSerializer.Serialize(progress.Data, json.Value.SerializerOptions);
                        await db.Jobs.Where(j => j.Id == job.Id && j.State == nameof(JobState.Running)).ExecuteUpdateAsync(
                            j => j.SetProperty(e => e.ProgressJson, progressJson).SetProperty(e => e.ProgressSequence, progress.Sequence),
                            stoppingToken);
                        recorded[job.Id] = progress.Sequence;
                    }
                }

                var cancelled = await db.Jobs.AsNoTracking().Where(j => running.Contains(j.Id) && j.CancelRequested).Select(j => j.Id).ToListAsync(stoppingToken);
                foreach (var id in cancelled)
                {
                    if (FindLocal(id) is { State: JobState.Running } job)
                    {
                        await job.Cancellation.CancelAsync();
                    }
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogPollFailed(logger, ex);
            }
        }
    }

    /// <summary>
    /// Marks failed ("Job instance not answering") the running jobs of other instances that have not shown they are
    /// alive for <see cref="StateOptions.JobLostAfter"/>: their followers' streams end, and lists show them ended.
    /// </summary>
    private async Task MarkLostJobsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var cutoff = time.GetUtcNow() - _lostAfter;
            var lost = JsonSerializer.Serialize(ProblemExceptionHandler.Lost(_lostAfter), json.Value.SerializerOptions);
            await using var db = database.Open();
            var marked = await db.Jobs
                .Where(j => j.State == nameof(JobState.Running) && j.Instance != InstanceName && (j.HeartbeatAt ?? j.CreatedAt) < cutoff)
                .ExecuteUpdateAsync(
                    j => j.SetProperty(e => e.State, nameof(JobState.Failed)).SetProperty(e => e.ErrorJson, lost).SetProperty(e => e.FinishedAt, time.GetUtcNow()),
                    cancellationToken);
            if (marked > 0)
            {
                LogJobsLost(logger, marked, _lostAfter);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            LogPollFailed(logger, ex);
        }
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
        JobState state;
        object? result = null;
        ProblemDetails? error = null;
        try
        {
            result = await work(job, job.Cancellation.Token);
            state = JobState.Succeeded;
        }
        catch (OperationCanceledException) when (job.Cancellation.IsCancellationRequested)
        {
            state = JobState.Cancelled;
            result = new { message = "The job was cancelled; restic stopped gracefully." };
        }
        catch (Exception exception)
        {
            state = JobState.Failed;
            error = ProblemExceptionHandler.ToProblem(exception);
            if (error.Status is null or >= StatusCodes.Status500InternalServerError)
            {
                // The job's problem says "the error was logged": a bug or an unforeseen failure, logged with its stack.
                LogJobCrashed(logger, job.Id, job.Kind, job.Repository, exception);
            }
        }

        // Recorded before it is announced: whoever sees the end (an event stream, a poll, a stop)
        // finds it in the database too, also on another instance or after a restart.
        var finishedAt = time.GetUtcNow();
        try
        {
            await using var db = database.Open();
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                j => j.SetProperty(e => e.State, state.ToString())
                    .SetProperty(e => e.FinishedAt, finishedAt)
                    .SetProperty(e => e.ResultJson, result is null ? null : JsonSerializer.Serialize(result, json.Value.SerializerOptions))
                    .SetProperty(e => e.ErrorJson, error is null ? null : JsonSerializer.Serialize(error, json.Value.SerializerOptions)),
                CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The job's outcome is still served from memory by this instance; others see it as running.
            LogRecordFailed(logger, job.Id, ex);
        }

        job.Finish(state, result, error, finishedAt);
        LogJobFinished(logger, job.Id, job.Kind, job.Repository, job.State);
    }

    private JobResponse ToResponse(JobEntity stored) => new(
        stored.Id,
        stored.Kind,
        stored.Repository,
        Enum.Parse<JobState>(stored.State),
        stored.CreatedAt,
        stored.FinishedAt,
        stored.ResultJson is null ? null : System.Text.Json.Nodes.JsonNode.Parse(stored.ResultJson),
        stored.ErrorJson is null ? null : JsonSerializer.Deserialize<ProblemDetails>(stored.ErrorJson, json.Value.SerializerOptions),
        stored.StartedBy,
        stored.Instance,
        stored.CancelRequested,
        stored.ProgressJson is null ? null : System.Text.Json.Nodes.JsonNode.Parse(stored.ProgressJson));

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) started on repository {Repository}")]
    private static partial void LogJobStarted(ILogger logger, Guid jobId, string kind, string repository);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Job {JobId} ({Kind}) on repository {Repository} ended: {State}")]
    private static partial void LogJobFinished(ILogger logger, Guid jobId, string kind, string repository, JobState state);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "The end of job {JobId} could not be recorded in the state database")]
    private static partial void LogRecordFailed(ILogger logger, Guid jobId, Exception exception);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) on repository {Repository} failed unexpectedly")]
    private static partial void LogJobCrashed(ILogger logger, Guid jobId, string kind, string repository, Exception exception);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "{Count} running jobs of other instances were marked failed: their instance has not shown it is alive for {LostAfter}")]
    private static partial void LogJobsLost(ILogger logger, int count, TimeSpan lostAfter);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Could not record the progress of running jobs or look for their cancellations in the state database")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
