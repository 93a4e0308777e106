using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>POST /restore/{snapshot_id}</c> body.</summary>
internal sealed record RestoreRequest : IPasswordSource
{
    public string? Repository { get; init; }

    public string? TargetPath { get; init; }

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    public bool RunAsJob { get; init; }

    public string? Password { get; init; }

    public string? PasswordToken { get; init; }
}

/// <summary>
/// <c>POST /restore/{snapshot_id}</c> response. <c>files_restored</c> counts files only (restic's own
/// counter includes the folders it recreated; that is <c>items_restored</c>); it is null before restic
/// 0.17, which reports no files. The other counters are null before restic 0.16.
/// </summary>
internal sealed record RestoreResponse(
    bool Success,
    string SnapshotId,
    string TargetPath,
    long? FilesRestored,
    long? ItemsRestored,
    long? TotalItems,
    long? BytesRestored,
    long? TotalBytes,
    IReadOnlyList<string> Errors,
    string Message)
{
    public static RestoreResponse From(string snapshot, RestoreSummary s, long? files)
    {
        var written = files is { } count ? $"{count} files" : s.HasStatistics ? $"{s.FilesRestored} files and folders" : null;
        var message = s.IsComplete
            ? written is null ? $"Restored to {s.Target}." : $"Restored {written} to {s.Target}."
            : $"Restored to {s.Target} in part: {s.Errors.Select(e => e.Item).Distinct(StringComparer.Ordinal).Count()} files could not be restored, for example {s.Errors[0].Item}: {s.Errors[0].Message}";
        return new(s.IsComplete, snapshot, s.Target, files, s.FilesRestored, s.TotalFiles, s.BytesRestored, s.TotalBytes,
            [.. s.Errors.Select(e => e.Item).Distinct(StringComparer.Ordinal)], message);
    }
}

internal static class RestoreEndpoint
{
    private static readonly Version s_fileEvents = new(0, 17, 0);

    public static async Task<IResult> HandleAsync(
        [FromRoute(Name = "snapshot_id")] string snapshotId,
        RestoreRequest request,
        HttpContext context,
        RepositoryClientFactory clients,
        PathPolicy paths,
        JobStore jobs,
        CancellationToken cancellationToken)
    {
        var (repository, client) = await clients.CreateAsync(context, request.Repository, request);
        var snapshot = RequestChecks.SnapshotId(snapshotId);
        context.Items[Auditing.AuditMiddleware.SnapshotItem] = snapshotId;
        var target = paths.Check("target_path", request.TargetPath);
        var options = new RestoreOptions
        {
            Includes = request.Include,
            Excludes = request.Exclude,
            IncludeFileEvents = true, // to count files, not folders (restic 0.17+)
        };
        RequestChecks.SingleLine("include", request.Include);
        RequestChecks.SingleLine("exclude", request.Exclude);
        if (!request.RunAsJob)
        {
            return TypedResults.Ok(await RunAsync(client, snapshotId, snapshot, target, options, null, cancellationToken));
        }

        var job = await jobs.StartJobAsync("restore", repository.Name, context.User.Identity?.Name ?? "?", async (job, token) =>
            await RunAsync(client, snapshotId, snapshot, target, options, job, token),
            cancellationToken);
        return JobAccepted.For(job, context);
    }

    /// <summary>Restores, publishing progress to the job, and counts the regular files restic wrote.</summary>
    private static async Task<RestoreResponse> RunAsync(IResticClient client, string snapshotId, SnapshotReference snapshot, string target, RestoreOptions options, Job? job, CancellationToken cancellationToken)
    {
        var reportsFiles = (await client.GetVersionAsync(cancellationToken)).Version >= s_fileEvents;
        long files = 0;
        await foreach (var item in client.StreamRestoreAsync(snapshot, target, options, cancellationToken))
        {
            switch (item)
            {
                case RestoreStatusEvent status:
                    job?.Publish("progress", ProgressSnapshot.From(status.Progress));
                    break;
                case RestoreFileEvent file when (file.Action == FileAction.Restored || file.Action == FileAction.Updated) && File.Exists(Path.Join(target, file.Item)):
                    files++;
                    break;
                case RestoreCompletedEvent completed:
                    return RestoreResponse.From(snapshotId, completed.Summary, reportsFiles ? files : null);
            }
        }

        throw new InvalidOperationException("The restore stream ended without a summary.");
    }
}
