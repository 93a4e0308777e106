using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Endpoints;

/// <summary><c>POST /restore/{snapshot_id}</c> body.</summary>
internal sealed record RestoreRequest : IPasswordSource
{
    public string? Repository { get; init; }

    public string? TargetPath { get; init; }

    public IReadOnlyList<string> Include { get; init; } = [];

    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>What to do with files the target holds already; not given, a target that holds anything is refused (409).</summary>
    public RestoreOverwrite? Overwrite { get; init; }

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
    /// <summary>How many of a non-empty target's entries a 409 names.</summary>
    public const int ListedEntries = 10;

    internal static readonly Version FileEvents = new(0, 17, 0);

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
        RequestChecks.SingleLine("include", request.Include);
        RequestChecks.SingleLine("exclude", request.Exclude);
        var version = (await client.GetVersionAsync(cancellationToken)).Version;
        var options = new RestoreOptions
        {
            Includes = request.Include,
            Excludes = request.Exclude,
            Overwrite = OverwritePolicy(request.Overwrite, version),
            IncludeFileEvents = true, // to count files, not folders (restic 0.17+)
        };
        CheckTarget(target, request.Overwrite, version, paths);
        if (!request.RunAsJob)
        {
            return TypedResults.Ok(await RunAsync(client, snapshotId, snapshot, target, options, version, null, cancellationToken));
        }

        // The job outlives the request: it disposes the client when it ends.
        var owned = RepositoryClientFactory.TakeOver(context);
        var job = await jobs.StartJobAsync("restore", repository.Name, context.User.Identity?.Name ?? "?", async (job, token) =>
        {
            await using (owned)
            {
                return await RunAsync(client, snapshotId, snapshot, target, options, version, job, token);
            }
        }, cancellationToken);
        return JobAccepted.For(job, context);
    }

    /// <summary>The library's policy for the caller's choice; restic before 0.17 always overwrites, so only "always" is honest there.</summary>
    internal static RestoreOverwritePolicy? OverwritePolicy(RestoreOverwrite? choice, Version version)
    {
        if (choice is { } chosen and not RestoreOverwrite.Always && version < FileEvents)
        {
            throw ApiProblemException.Invalid("overwrite",
                $"The restic on this server ({version.ToString(3)}) always overwrites existing files; \"{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(chosen.ToString())}\" needs restic 0.17 or later. Send \"always\", or restore into an empty or new folder.");
        }

        return choice switch
        {
            RestoreOverwrite.Always => RestoreOverwritePolicy.Always,
            RestoreOverwrite.IfChanged => RestoreOverwritePolicy.IfChanged,
            RestoreOverwrite.IfNewer => RestoreOverwritePolicy.IfNewer,
            RestoreOverwrite.Never => RestoreOverwritePolicy.Never,
            _ => (RestoreOverwritePolicy?)null,
        };
    }

    /// <summary>
    /// A restore never writes over anything silently: without <c>overwrite</c> the target must not exist or
    /// be an empty folder (409 naming what it holds). With it, on restic before 0.17 (which follows a
    /// symbolic link it restores over), no link in the target may lead where the server may not write.
    /// </summary>
    internal static void CheckTarget(string target, RestoreOverwrite? overwrite, Version version, PathPolicy paths)
    {
        if (File.Exists(target))
        {
            throw new ApiProblemException(StatusCodes.Status409Conflict, "Target is a file", $"target_path '{target}' is a file; restore into a folder.", "target_path");
        }

        if (!Directory.Exists(target))
        {
            return;
        }

        var entries = Directory.EnumerateFileSystemEntries(target).Select(e => Path.GetFileName(e)).Order(StringComparer.Ordinal).ToList();
        if (entries.Count > 0 && overwrite is null)
        {
            var named = string.Join(", ", entries.Take(ListedEntries).Select(e => $"'{e}'")) + (entries.Count > ListedEntries ? $" and {entries.Count - ListedEntries} more" : string.Empty);
            throw new ApiProblemException(
                StatusCodes.Status409Conflict,
                "Target not empty",
                $"target_path '{target}' already holds {entries.Count} entries ({named}), and a restore would write over files of the same name. " +
                "Restore into an empty or new folder, or send \"overwrite\": always, if_changed, if_newer or never (the last three need restic 0.17+).",
                "target_path")
            {
                Extensions = new Dictionary<string, object?> { ["existing_entries"] = entries.Take(ListedEntries).ToList(), ["existing_count"] = entries.Count },
            };
        }

        if (entries.Count > 0 && version < FileEvents && paths.LinksLeadingOut(target, ListedEntries) is { Count: > 0 } links)
        {
            throw new ApiProblemException(
                StatusCodes.Status409Conflict,
                "Target holds links out",
                $"target_path holds symbolic links that lead outside the folders this server may use ({string.Join(", ", links.Select(l => $"'{l}'"))}); restic {version.ToString(3)} would write through them. Remove them, or restore into an empty folder.",
                "target_path");
        }
    }

    /// <summary>Restores, publishing progress to the job, and counts the regular files restic wrote.</summary>
    internal static async Task<RestoreResponse> RunAsync(IResticClient client, string snapshotId, SnapshotReference snapshot, string target, RestoreOptions options, Version version, Job? job, CancellationToken cancellationToken)
    {
        var reportsFiles = version >= FileEvents;
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
