using Restic.Net.Samples.WebApi.Jobs;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary>The 202 response of an operation started as a job.</summary>
internal sealed record JobAccepted(Guid JobId, string Kind, JobState State, string StatusUrl, string EventsUrl)
{
    public static IResult For(Job job, HttpContext context)
    {
        context.Items[Auditing.AuditMiddleware.JobItem] = job.Id;
        var status = $"{ResticEndpoints.BasePath}/jobs/{job.Id}";
        return TypedResults.Accepted(status, new JobAccepted(job.Id, job.Kind, job.State, status, status + "/events"));
    }
}
