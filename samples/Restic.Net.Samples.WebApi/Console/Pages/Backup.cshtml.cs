using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// Backs a repository up now, as a job followed on its own page. Operators and admins only (the server checks; the
/// pages show viewers no link here). The form starts with the paths and tags of the repository's last snapshot; every
/// path must lie inside the allowed roots and exist.
/// </summary>
[Authorize(Policy = ConsoleSecurity.OperatorPolicy)]
internal sealed class BackupModel(ConsoleReads reads, PathPolicy paths, JobStore jobs) : ConsolePageModel
{
    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    /// <summary>One path per line.</summary>
    [BindProperty]
    public string Paths { get; set; } = string.Empty;

    /// <summary>Comma-separated.</summary>
    [BindProperty]
    public string Tags { get; set; } = string.Empty;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var repository = await reads.FindAsync(Repository, cancellationToken);
        var latest = (await reads.ReadAsync(repository, c => c.GetSnapshotsAsync(null, cancellationToken))).MaxBy(s => s.Time);
        Paths = latest is null ? string.Empty : string.Join('\n', latest.Paths);
        Tags = latest is null ? string.Empty : string.Join(", ", latest.Tags);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var repository = await reads.FindAsync(Repository, cancellationToken);
        var sources = paths.CheckSources("paths", [.. Paths.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
        IReadOnlyList<string> tags = [.. Tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        RequestChecks.SingleLine("tags", tags);
        var job = await ConsoleJobs.StartBackupAsync(jobs, reads, repository, sources, tags, User.Identity?.Name ?? "?", cancellationToken);
        return Redirect(ConsolePaths.Job(job.Id));
    }
}
