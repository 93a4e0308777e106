using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// Restores a selection of a snapshot (files and folders picked in the browser) into a folder inside the allowed
/// roots, as a job with live progress. Admins only, as the API's restore. The overwrite choice is explicit: by default
/// the target must be empty or new, and the same checks as <c>POST /restore</c> apply (a file as target, links that
/// lead out, restic's version).
/// </summary>
[Authorize(Policy = ConsoleSecurity.AdminPolicy)]
internal sealed class RestoreModel(ConsoleReads reads, PathPolicy paths, JobStore jobs) : ConsolePageModel
{
    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    [FromRoute(Name = "snapshot")]
    public string SnapshotText { get; set; } = string.Empty;

    /// <summary>The selected paths inside the snapshot.</summary>
    [BindProperty(SupportsGet = true, Name = "path")]
    public List<string> Selection { get; set; } = [];

    [BindProperty(Name = "target")]
    public string? Target { get; set; }

    /// <summary>"empty" (the default: an empty or new folder only), or restic's always, if_changed, if_newer, never.</summary>
    [BindProperty(Name = "overwrite")]
    public string Overwrite { get; set; } = "empty";

    public Snapshot? Snapshot { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var repository = await LoadAsync(cancellationToken);
        var target = paths.Check("target", Target);
        RestoreOverwrite? overwrite = Overwrite switch
        {
            "empty" => null,
            "always" => RestoreOverwrite.Always,
            "if_changed" => RestoreOverwrite.IfChanged,
            "if_newer" => RestoreOverwrite.IfNewer,
            "never" => RestoreOverwrite.Never,
            _ => throw ApiProblemException.Invalid("overwrite", "overwrite must be empty, always, if_changed, if_newer or never."),
        };
        var client = reads.CreateClient(repository);
        try
        {
            var version = (await client.GetVersionAsync(cancellationToken)).Version;
            var options = new RestoreOptions
            {
                Includes = Selection,
                Overwrite = RestoreEndpoint.OverwritePolicy(overwrite, version),
                IncludeFileEvents = true,
            };
            RestoreEndpoint.CheckTarget(target, overwrite, version, paths);
            var snapshot = Snapshot!;
            var owned = client;
            client = null; // from here the job (or its failure to start) disposes it
            var job = await ConsoleJobs.StartAsync(jobs, reads, repository, "restore", User.Identity?.Name ?? "?", writes: false,
                async (restic, job, token) => await RestoreEndpoint.RunAsync(restic, snapshot.Id.Value, snapshot.Id, target, options, version, job, token),
                cancellationToken, owned);
            return Redirect(ConsolePaths.Job(job.Id));
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }
        }
    }

    private async Task<RegisteredRepository> LoadAsync(CancellationToken cancellationToken)
    {
        Selection = [.. Selection.Select(SnapshotPath.Check).Distinct(StringComparer.Ordinal)];
        if (Selection.Count is 0 or > ConsoleDownloads.MaxSelection)
        {
            throw ApiProblemException.Invalid("path", $"Select between 1 and {ConsoleDownloads.MaxSelection} files or folders to restore.");
        }

        var reference = RequestChecks.SnapshotId(SnapshotText);
        var repository = await reads.FindAsync(Repository, cancellationToken);
        Snapshot = await reads.ReadAsync(repository, c => c.GetSnapshotAsync(reference, null, cancellationToken));
        return repository;
    }
}
