using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>POST /backup</c> body.</summary>
internal sealed record BackupRequest : IPasswordSource
{
    public string? Repository { get; init; }

    public IReadOnlyList<string>? Paths { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> ExcludePatterns { get; init; } = [];

    /// <summary>Return 202 with a job id at once instead of waiting for the snapshot.</summary>
    public bool RunAsJob { get; init; }

    public string? Password { get; init; }

    public string? PasswordToken { get; init; }
}

/// <summary><c>POST /backup</c> response, in the ops console's original shape.</summary>
internal sealed record BackupResponse(
    bool Success,
    string? SnapshotId,
    long FilesNew,
    long FilesChanged,
    long FilesUnmodified,
    long TotalFiles,
    long DataAdded,
    long TotalBytes,
    double DurationSeconds,
    IReadOnlyList<string> Errors,
    string Message)
{
    public static BackupResponse From(BackupSummary summary) => new(
        summary.IsComplete,
        summary.SnapshotId?.Value,
        summary.FilesNew,
        summary.FilesChanged,
        summary.FilesUnmodified,
        summary.TotalFilesProcessed,
        summary.DataAdded,
        summary.TotalBytesProcessed,
        summary.TotalDuration.TotalSeconds,
        [.. summary.Errors.Select(e => $"{e.Item}: {e.Message}")],
        summary.IsComplete
            ? $"Snapshot {summary.SnapshotId?.ToShortString()} saved."
            : $"Snapshot {summary.SnapshotId?.ToShortString()} saved, but {summary.Errors.Count} files or folders could not be read.");
}

internal static class BackupEndpoint
{
    public static async Task<IResult> HandleAsync(
        BackupRequest request,
        HttpContext context,
        RepositoryClientFactory clients,
        PathPolicy paths,
        JobStore jobs,
        CancellationToken cancellationToken)
    {
        var (repository, client) = await clients.CreateAsync(context, request.Repository, request);
        var sources = paths.CheckSources("paths", request.Paths);
        var options = new BackupOptions { Tags = request.Tags, Excludes = request.ExcludePatterns };
        RequestChecks.SingleLine("tags", request.Tags);
        RequestChecks.SingleLine("exclude_patterns", request.ExcludePatterns);
        if (!request.RunAsJob)
        {
            var response = BackupResponse.From(await client.BackupAsync(sources, options, cancellationToken: cancellationToken));
            context.Items[Auditing.AuditMiddleware.SnapshotItem] = response.SnapshotId;
            return TypedResults.Ok(response);
        }

        // The job outlives the request: it disposes the client when it ends.
        var owned = RepositoryClientFactory.TakeOver(context);
        var job = await jobs.StartJobAsync("backup", repository.Name, context.User.Identity?.Name ?? "?", async (job, token) =>
        {
            await using (owned)
            {
                return BackupResponse.From(await client.BackupAsync(sources, options, new JobProgress<BackupProgress>(job, p => ProgressSnapshot.From(p)), token));
            }
        }, cancellationToken);
        return JobAccepted.For(job, context);
    }
}
