using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// Jobs the console starts (a backup now) and follows: the same <see cref="JobStore"/> as the API's jobs, so either
/// side sees and cancels the other's, and the job page's live progress is the job's own event stream.
/// </summary>
internal static class ConsoleJobs
{
    public static IEndpointRouteBuilder MapConsoleJobs(this IEndpointRouteBuilder app)
    {
        app.MapGet(ConsolePaths.Root + "/jobs/{id:guid}/events", EventsAsync)
            .RequireAuthorization(ConsoleSecurity.ViewerPolicy)
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Starts a backup of <paramref name="paths"/> as a job (restic, with the server's password for the repository),
    /// then closes the repository's cached readers so the next page reads the new snapshot.
    /// </summary>
    public static Task<Job> StartBackupAsync(
        JobStore jobs, ConsoleReads reads, RegisteredRepository repository,
        IReadOnlyList<string> paths, IReadOnlyList<string> tags, string startedBy, CancellationToken cancellationToken)
    {
        var client = reads.CreateClient(repository); // no password: refused now, not as a failed job
        var options = new BackupOptions { Tags = tags };
        return jobs.StartJobAsync("backup", repository.Name, startedBy, async (job, token) =>
        {
            await using (client)
            {
                try
                {
                    return BackupResponse.From(await client.BackupAsync(paths, options, new JobProgress<BackupProgress>(job, p => ProgressSnapshot.From(p)), token));
                }
                finally
                {
                    reads.Invalidate(repository);
                }
            }
        }, cancellationToken);
    }

    private static async Task<IResult> EventsAsync(Guid id, JobStore jobs, CancellationToken cancellationToken)
    {
        _ = await jobs.FindAsync(id, cancellationToken)
            ?? throw new ApiProblemException(StatusCodes.Status404NotFound, "Unknown job", $"There is no job {id}.");
        return TypedResults.ServerSentEvents(JobEndpoints.Stream(jobs, id, cancellationToken)); // from any instance
    }
}
