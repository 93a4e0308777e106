using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>GET /jobs/{id}</c> response: <c>result</c> once it succeeded, <c>error</c> (problem details) once it failed.</summary>
internal sealed record JobResponse(
    Guid JobId,
    string Kind,
    string Repository,
    JobState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    object? Result,
    ProblemDetails? Error)
{
    public static JobResponse From(Job job) =>
        new(job.Id, job.Kind, job.Repository, job.State, job.CreatedAt, job.FinishedAt, job.Result, job.Error);
}

internal static class JobEndpoints
{
    public static IResult Get(Guid id, JobStore jobs, HttpContext context) =>
        TypedResults.Ok(JobResponse.From(Find(id, jobs, context)));

    /// <summary>Every event of the job from its start, then live ones; the stream ends after the final event.</summary>
    public static IResult Events(Guid id, JobStore jobs, HttpContext context, CancellationToken cancellationToken)
    {
        var job = Find(id, jobs, context);
        return TypedResults.ServerSentEvents(Stream(job, cancellationToken));

        static async IAsyncEnumerable<SseItem<object>> Stream(Job job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in job.ReadEventsAsync(cancellationToken))
            {
                yield return new SseItem<object>(item.Data, item.Type) { EventId = item.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }
    }

    /// <summary>Cancels a running job and waits until restic has stopped; a finished job is returned as it is.</summary>
    public static async Task<IResult> CancelAsync(Guid id, JobStore jobs, HttpContext context)
    {
        var job = Find(id, jobs, context);
        if (job.State == JobState.Running)
        {
            await job.Cancellation.CancelAsync();
            await job.Completion;
        }

        return TypedResults.Ok(JobResponse.From(job));
    }

    private static Job Find(Guid id, JobStore jobs, HttpContext context)
    {
        var job = jobs.Find(id) ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown job", $"There is no job {id}.");
        context.Items[Auditing.AuditMiddleware.RepositoryItem] = job.Repository;
        return job;
    }
}
