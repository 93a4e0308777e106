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

    /// <summary>
    /// A job's events from any instance: all of them from the one that runs it; elsewhere the latest progress once a
    /// <see cref="JobStore.PollInterval"/>, then the final event (also for a job that ended before this instance started).
    /// </summary>
    public static async Task<IResult> EventsAsync(Guid id, JobStore jobs, HttpContext context, CancellationToken cancellationToken)
    {
        await FindAsync(id, jobs, context, cancellationToken);
        return TypedResults.ServerSentEvents(Stream(jobs, id, cancellationToken));
    }

    /// <summary>A job's events as server-sent events, from its first event to its final one (the API's and the console's).</summary>
    public static async IAsyncEnumerable<SseItem<object>> Stream(JobStore jobs, Guid id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in jobs.FollowAsync(id, cancellationToken))
        {
            yield return new SseItem<object>(item.Data, item.Type) { EventId = item.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
    }

    /// <summary>Cancels a job: at once when it runs here, else by recording the request for the instance that runs it (202).</summary>
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
