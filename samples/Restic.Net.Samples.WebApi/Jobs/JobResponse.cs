using Microsoft.AspNetCore.Mvc;

namespace Restic.Net.Samples.WebApi.Jobs;

/// <summary>
/// A job as the API reports it, whether it runs here, elsewhere, or ran before a restart: its state
/// and, once finished, its result (the operation's response) or its error (problem details); while it runs,
/// its latest progress (on another instance as recorded, at most <see cref="JobStore.PollInterval"/> old).
/// </summary>
internal sealed record JobResponse(
    Guid JobId,
    string Kind,
    string Repository,
    JobState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    object? Result,
    ProblemDetails? Error,
    string StartedBy,
    string Instance,
    bool CancelRequested,
    object? Progress)
{
    public static JobResponse From(Job job, string instance) =>
        new(job.Id, job.Kind, job.Repository, job.State, job.CreatedAt, job.FinishedAt, job.Result, job.Error, job.StartedBy, instance, job.Cancellation.IsCancellationRequested, job.LatestProgress?.Data);
}
