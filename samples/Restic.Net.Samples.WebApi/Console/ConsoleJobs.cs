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
        app.MapGet(ConsolePaths.Root + "/jobs/{id:guid}/events", JobEndpoints.EventsAsync) // the API's stream, for the cookie
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
        var options = new BackupOptions { Tags = tags };
        return StartAsync(jobs, reads, repository, "backup", startedBy, writes: true, async (client, job, token) =>
            BackupResponse.From(await client.BackupAsync(paths, options, new JobProgress<BackupProgress>(job, p => ProgressSnapshot.From(p)), token)),
            cancellationToken);
    }

    /// <summary>
    /// Starts a console job that runs restic with its own client (the server's password; <paramref name="client"/> if
    /// the caller has already used one): the job disposes it when it ends, and a job that could not be recorded
    /// disposes it at once. A job that <paramref name="writes"/> closes the repository's cached readers when it ends,
    /// so the next page reads what it wrote.
    /// </summary>
    public static async Task<Job> StartAsync(
        JobStore jobs, ConsoleReads reads, RegisteredRepository repository, string kind, string startedBy, bool writes,
        Func<ResticClient, Job, CancellationToken, Task<object>> work, CancellationToken cancellationToken, ResticClient? client = null)
    {
        client ??= reads.CreateClient(repository); // no password: refused now, not as a failed job
        try
        {
            return await jobs.StartJobAsync(kind, repository.Name, startedBy, async (job, token) =>
            {
                await using (client)
                {
                    try
                    {
                        return await work(client, job, token);
                    }
                    finally
                    {
                        if (writes)
                        {
                            reads.Invalidate(repository);
                        }
                    }
                }
            }, cancellationToken);
        }
        catch
        {
            await client.DisposeAsync(); // the job was not recorded, so it never runs
            throw;
        }
    }
}
