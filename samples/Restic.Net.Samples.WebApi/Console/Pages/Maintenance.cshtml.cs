using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Endpoints;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// A repository's maintenance: its locks (everyone), a check with an optional read-data subset run as a job
/// (operators), removing stale or all locks, and replacing the repository key (admins). Every rule is checked here,
/// whatever the page shows.
/// </summary>
internal sealed class MaintenanceModel(
    ConsoleReads reads,
    ConsoleOverview overview,
    JobStore jobs,
    KeyRotation keys) : ConsolePageModel
{
    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    [BindProperty(Name = "read_data_subset")]
    public string? ReadDataSubset { get; set; }

    [BindProperty(Name = "remove_all")]
    public bool RemoveAll { get; set; }

    [BindProperty(Name = "new_password")]
    public string? NewPassword { get; set; }

    [BindProperty(Name = "repeat_password")]
    public string? RepeatPassword { get; set; }

    /// <summary>The repository's locks; null when a refused action left them unread.</summary>
    public IReadOnlyList<ResticLock>? Locks { get; private set; }

    /// <summary>What the last action did, for the status line.</summary>
    public string? Notice { get; private set; }

    /// <summary>The repository's password is a file the server reads: the console cannot replace it, only its key.</summary>
    public bool PasswordFromFile { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(await reads.FindAsync(Repository, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (!User.IsOperator())
        {
            return Refuse();
        }

        var repository = await reads.FindAsync(Repository, cancellationToken);
        var subset = CheckEndpoint.ParseSubset(string.IsNullOrWhiteSpace(ReadDataSubset) ? null : ReadDataSubset.Trim());
        var job = await ConsoleJobs.StartAsync(jobs, reads, repository, "check", User.Identity?.Name ?? "?", writes: false, async (client, _, token) =>
        {
            var result = CheckResponse.From(await client.CheckAsync(new CheckOptions { ReadDataSubset = subset }, token));
            return result.Success
                ? result
                : throw new ApiProblemException(StatusCodes.Status422UnprocessableEntity, "Repository has errors", result.Message + " " + string.Join(" ", result.Errors.Take(20)));
        }, cancellationToken);
        return Redirect(ConsolePaths.Job(job.Id));
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        if (!User.IsAdmin())
        {
            return Refuse();
        }

        var repository = await reads.FindAsync(Repository, cancellationToken);
        await using (var client = reads.CreateClient(repository))
        {
            var result = await client.UnlockAsync(new UnlockOptions { RemoveAll = RemoveAll }, cancellationToken);
            Notice = result.Removed.Count == 0
                ? "No lock was removed" + (RemoveAll ? "." : ": restic calls a lock stale only when it is older than 30 minutes or its process on this host has ended.")
                : $"Removed {result.Removed.Count} lock(s): {string.Join(", ", result.Removed.Select(l => $"{Display.ShortId(l.Id)} of {l.UserName}@{l.HostName} (pid {l.Pid})"))}.";
        }

        await LoadAsync(repository, cancellationToken);
        overview.MeasureSoon(repository.Name); // the dashboard's lock count, after this page has read the locks
        return Page();
    }

    public async Task<IActionResult> OnPostRotateAsync(CancellationToken cancellationToken)
    {
        if (!User.IsAdmin())
        {
            return Refuse();
        }

        var repository = await reads.FindAsync(Repository, cancellationToken);
        if (string.IsNullOrEmpty(NewPassword))
        {
            throw ApiProblemException.Invalid("new_password", "Type the new password.");
        }

        if (!string.Equals(NewPassword, RepeatPassword, StringComparison.Ordinal))
        {
            throw ApiProblemException.Invalid("repeat_password", "The two passwords differ; nothing was changed.");
        }

        await using (var client = reads.CreateClient(repository))
        {
            Notice = (await keys.RotateAsync(client, repository, NewPassword, cancellationToken)).Message;
        }

        await LoadAsync(await reads.FindAsync(Repository, cancellationToken), cancellationToken);
        return Page();
    }

    private async Task LoadAsync(RegisteredRepository repository, CancellationToken cancellationToken)
    {
        PasswordFromFile = repository.PasswordFile is { Length: > 0 };
        Locks = await reads.ReadAsync(repository, c => c.GetLocksAsync(cancellationToken));
    }
}
