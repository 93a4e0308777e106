using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Problems;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// A keep policy's preview: <c>restic forget --dry-run</c> for the policy, shown on the timeline (which snapshots it
/// keeps, and why, and which it removes). Operators preview; an admin may then remove them and prune, after typing
/// the number of snapshots that will go. The removal runs as a job only if the policy still removes exactly that many.
/// </summary>
[Authorize(Policy = ConsoleSecurity.OperatorPolicy)]
internal sealed class RetentionModel(ConsoleReads reads, JobStore jobs) : ConsolePageModel
{
    private const int MaxKeep = 100_000;

    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true, Name = "keep_last")]
    public int? KeepLast { get; set; }

    [BindProperty(SupportsGet = true, Name = "keep_hourly")]
    public int? KeepHourly { get; set; }

    [BindProperty(SupportsGet = true, Name = "keep_daily")]
    public int? KeepDaily { get; set; }

    [BindProperty(SupportsGet = true, Name = "keep_weekly")]
    public int? KeepWeekly { get; set; }

    [BindProperty(SupportsGet = true, Name = "keep_monthly")]
    public int? KeepMonthly { get; set; }

    [BindProperty(SupportsGet = true, Name = "keep_yearly")]
    public int? KeepYearly { get; set; }

    /// <summary>The number the admin typed to confirm the removal.</summary>
    [BindProperty(Name = "confirm")]
    public string? Confirmation { get; set; }

    public ForgetResult? Preview { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var repository = await reads.FindAsync(Repository, cancellationToken);
        if (Policy() is { } policy)
        {
            Preview = await DryRunAsync(repository, policy, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.IsAdmin())
        {
            return Refuse(); // operators preview; removing snapshots is an admin's
        }

        var policy = Policy() ?? throw ApiProblemException.Invalid("keep_daily", "Choose at least one keep rule.");
        var repository = await reads.FindAsync(Repository, cancellationToken);
        Preview = await DryRunAsync(repository, policy, cancellationToken);
        var removing = Preview.Removed.Count;
        if (!int.TryParse(Confirmation, NumberStyles.None, CultureInfo.InvariantCulture, out var confirmed) || confirmed != removing || removing == 0)
        {
            Problem = removing == 0
                ? "This policy removes no snapshot: there is nothing to prune."
                : $"Type {removing}, the number of snapshots this policy removes now, to confirm.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var expected = Preview.Removed.Select(s => s.Id).ToHashSet();
        var job = await ConsoleJobs.StartAsync(jobs, reads, repository, "prune", User.Identity?.Name ?? "?", writes: true, async (client, _, token) =>
        {
            // What was confirmed, or nothing: a backup in between would change the set the policy removes.
            var now = await client.ForgetAsync(policy, new ForgetOptions { DryRun = true }, token);
            if (!now.Removed.Select(s => s.Id).ToHashSet().SetEquals(expected))
            {
                throw new ApiProblemException(StatusCodes.Status409Conflict, "Repository changed", "The snapshots this policy removes changed since the confirmation; nothing was removed. Preview again.");
            }

            var result = await client.ForgetAsync(policy, new ForgetOptions { Prune = true }, token);
            return new { success = true, message = $"Removed {result.Removed.Count} snapshots" + (result.Prune?.TotalPrunedBytes is > 0 and var bytes ? $" and pruned {Display.Size(bytes)} of unused data." : ".") };
        }, cancellationToken);
        return Redirect(ConsolePaths.Job(job.Id));
    }

    /// <summary>The policy's own query string, for the confirmation form to post back.</summary>
    public IEnumerable<(string Name, int Value)> Rules()
    {
        (string, int?)[] all = [("keep_last", KeepLast), ("keep_hourly", KeepHourly), ("keep_daily", KeepDaily), ("keep_weekly", KeepWeekly), ("keep_monthly", KeepMonthly), ("keep_yearly", KeepYearly)];
        return all.Where(r => r.Item2 is not null).Select(r => (r.Item1, r.Item2!.Value));
    }

    private RetentionPolicy? Policy()
    {
        foreach (var (name, value) in Rules())
        {
            if (value is < 0 or > MaxKeep)
            {
                throw ApiProblemException.Invalid(name, $"{name} must be between 0 and {MaxKeep}.");
            }
        }

        var policy = new RetentionPolicy { KeepLast = KeepLast, KeepHourly = KeepHourly, KeepDaily = KeepDaily, KeepWeekly = KeepWeekly, KeepMonthly = KeepMonthly, KeepYearly = KeepYearly };
        return policy.IsEmpty ? null : policy;
    }

    private async Task<ForgetResult> DryRunAsync(RegisteredRepository repository, RetentionPolicy policy, CancellationToken cancellationToken)
    {
        await using var client = reads.CreateClient(repository);
        return await client.ForgetAsync(policy, new ForgetOptions { DryRun = true }, cancellationToken);
    }
}
