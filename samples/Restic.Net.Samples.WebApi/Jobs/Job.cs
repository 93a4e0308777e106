using Microsoft.AspNetCore.Mvc;

namespace Restic.Net.Samples.WebApi.Jobs;

/// <summary>
/// A backup or restore running in the background. Its events are kept in order (restic reports
/// progress at most every <c>ProgressInterval</c>, so a job of an hour keeps a few thousand) and
/// any number of subscribers read them from the start, so a late subscriber misses nothing.
/// </summary>
internal sealed class Job
{
    private readonly Lock _gate = new();
    private readonly List<JobEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JobEvent? _latestProgress;

    public Job(string kind, string repository, string startedBy, DateTimeOffset createdAt, CancellationToken stopping)
    {
        Kind = kind;
        StartedBy = startedBy;
        Repository = repository;
        CreatedAt = createdAt;
        Cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    public Guid Id { get; } = Guid.NewGuid();

    public string Kind { get; }

    public string Repository { get; }

    /// <summary>The API key's name that started the job.</summary>
    public string StartedBy { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public JobState State { get; private set; } = JobState.Running;

    public object? Result { get; private set; }

    public ProblemDetails? Error { get; private set; }

    public CancellationTokenSource Cancellation { get; }

    /// <summary>Completes when the job has reached a final state.</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    /// <summary>The last <c>progress</c> event, which the job's instance records for followers on other instances.</summary>
    public JobEvent? LatestProgress
    {
        get
        {
            lock (_gate)
            {
                return _latestProgress;
            }
        }
    }

    public void Publish(string type, object data)
    {
        lock (_gate)
        {
            var item = new JobEvent(_events.Count + 1, type, data);
            _events.Add(item);
            if (type == "progress")
            {
                _latestProgress = item;
            }

            Pulse();
        }
    }

    public void Finish(JobState state, object? result, ProblemDetails? error, DateTimeOffset at)
    {
        lock (_gate)
        {
            State = state;
            Result = result;
            Error = error;
            FinishedAt = at;
            _events.Add(new JobEvent(_events.Count + 1, JobStore.FinalEventType(state), (object?)error ?? result ?? new { }));
            Pulse();
        }
    }

    /// <summary>Every event from the first, then new ones as they come, until the final one.</summary>
    public async IAsyncEnumerable<JobEvent> ReadEventsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = 0;
        while (true)
        {
            JobEvent[] batch;
            Task changed;
            bool finished;
            lock (_gate)
            {
                batch = [.. _events.Skip(next)];
                changed = _changed.Task;
                finished = State != JobState.Running;
            }

            foreach (var item in batch)
            {
                yield return item;
            }

            next += batch.Length;
            if (finished)
            {
                yield break;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Pulse()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.SetResult();
    }
}
