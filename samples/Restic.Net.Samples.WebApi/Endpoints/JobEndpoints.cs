using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>GET /jobs</c>: a page of jobs, newest first.</summary>
internal sealed record JobsResponse(int Page, int PageSize, int Total, IReadOnlyList<JobResponse> Jobs);

internal static class JobEndpoints
{
    public const int MaxPageSize = 200;

    public static async Task<IResult> ListAsync(JobStore jobs, CancellationToken cancellationToken, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 50)
    {
        var (number, size) = Paging.Check(page, pageSize, MaxPageSize);
        var (list, total) = await jobs.ListAsync(number, size, cancellationToken);
        return TypedResults.Ok(new JobsResponse(number, size, total, list));
    }

    public static async Task<IResult> GetAsync(Guid id, JobStore jobs, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FindAsync(id, jobs, context, cancellationToken));

    public static async Task<IResult> EventsAsync(Guid id, JobStore jobs, HttpContext context, CancellationToken cancellationToken)
    {
        var record = await FindAsync(id, jobs, context, cancellationToken);
        if (jobs.FindLocal(id) is { } job)
        {
            return TypedResults.ServerSentEvents(Stream(job, cancellationToken));
        }

        if (record.State == JobState.Running)
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Job runs elsewhere", $"Job {id} runs on instance '{record.Instance}'; its progress events are served there. GET /jobs/{id} works on any instance.");
        }

        // Finished before this instance started, or on another one: the final event only.
        return TypedResults.ServerSentEvents(Final(record));

        static async IAsyncEnumerable<SseItem<object>> Final(JobResponse job)
        {
            await Task.CompletedTask;
            var type = job.State switch { JobState.Succeeded => "completed", JobState.Cancelled => "cancelled", _ => "failed" };
            yield return new SseItem<object>((object?)job.Error ?? job.Result ?? new { }, type);
        }
    }

    /// <summary>Cancels a job: at once when it runs here, else by recording the request for the instance that runs it (202).</summary>
    /// <summary>A job of this instance as server-sent events, from its first event to its final one (the API's and the console's).</summary>
    public static async IAsyncEnumerable<SseItem<object>> Stream(Job job, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in job.ReadEventsAsync(cancellationToken))
        {
            yield return new SseItem<object>(item.Data, item.Type) { EventId = item.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    public static async Task<IResult> CancelAsync(Guid id, JobStore jobs, HttpContext context, CancellationToken cancellationToken)
    {
        await FindAsync(id, jobs, context, cancellationToken);
        var job = await jobs.CancelAsync(id, cancellationToken) ?? throw NotFound(id);
        return job.State == JobState.Running
            ? TypedResults.Accepted($"{ResticEndpoints.BasePath}/jobs/{id}", job)
            : TypedResults.Ok(job);
    }

    private static async Task<JobResponse> FindAsync(Guid id, JobStore jobs, HttpContext context, CancellationToken cancellationToken)
    {
        var job = await jobs.FindAsync(id, cancellationToken) ?? throw NotFound(id);
        context.Items[Auditing.AuditMiddleware.RepositoryItem] = job.Repository;
        context.Items[Auditing.AuditMiddleware.JobItem] = id;
        return job;
    }

    private static ApiProblemException NotFound(Guid id) => new(StatusCodes.Status404NotFound, "Unknown job", $"There is no job {id}.");
}
