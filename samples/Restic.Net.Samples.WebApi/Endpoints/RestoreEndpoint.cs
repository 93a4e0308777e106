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

/// <summary><c>POST /restore/{snapshot_id}</c> response; the counters are null on restic before 0.16.</summary>
internal sealed record RestoreResponse(
    bool Success,
    string SnapshotId,
    string TargetPath,
    long? FilesRestored,
    long? TotalFiles,
    long? BytesRestored,
    long? TotalBytes,
    string Message)
{
    public static RestoreResponse From(string snapshot, RestoreSummary s) =>
        new(s.IsComplete, snapshot, s.Target, s.FilesRestored, s.TotalFiles, s.BytesRestored, s.TotalBytes,
            s.IsComplete
                ? s.HasStatistics ? $"Restored {s.FilesRestored} files to {s.Target}." : $"Restored to {s.Target}."
                : $"Restored to {s.Target} in part: {s.Errors.Select(e => e.Item).Distinct(StringComparer.Ordinal).Count()} files could not be restored, for example {s.Errors[0].Item}: {s.Errors[0].Message}");
}

internal static class RestoreEndpoint
{
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
        };
        RequestChecks.SingleLine("include", request.Include);
        RequestChecks.SingleLine("exclude", request.Exclude);
        if (!request.RunAsJob)
        {
            return TypedResults.Ok(RestoreResponse.From(snapshotId, await client.RestoreAsync(snapshot, target, options, cancellationToken: cancellationToken)));
        }

        var job = await jobs.StartAsync("restore", repository.Name, context.User.Identity?.Name ?? "?", async (job, token) =>
            RestoreResponse.From(snapshotId, await client.RestoreAsync(snapshot, target, options, new JobProgress<RestoreProgress>(job, p => ProgressSnapshot.From(p)), token)),
            cancellationToken);
        return JobAccepted.For(job, context);
    }
}
