using Restic.Net.Samples.WebApi.Jobs;
using Restic.Net.Samples.WebApi.Repositories;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>
/// One repository on the dashboard: what its snapshots say, or why they could not be read, and its size,
/// deduplication and locks as last measured in the background (null before the first measurement).
/// </summary>
internal sealed record RepositoryCard(string Name, string Location, int? Snapshots, DateTimeOffset? Latest, IReadOnlyList<string> Hosts, string? Problem, RepositoryMeasure? Measure = null);

/// <summary>
/// The dashboard: every repository with its snapshot count, the age of its last one, its size, deduplication and
/// locks (measured by <see cref="ConsoleOverview"/>, never per view); running jobs with their progress; recent failures.
/// </summary>
internal sealed class IndexModel(ConsoleReads reads, ConsoleOverview overview, JobStore jobs, TimeProvider time) : ConsolePageModel
{
    /// <summary>How long the dashboard waits for one repository: a slow one is reported, not waited for.</summary>
    public static readonly TimeSpan RepositoryTimeout = TimeSpan.FromSeconds(20);

    /// <summary>How many running jobs the dashboard follows live (console.js); the others show their progress as of the view.</summary>
    public const int LiveJobs = 3;

    public IReadOnlyList<RepositoryCard> Repositories { get; private set; } = [];

    public IReadOnlyList<JobResponse> Running { get; private set; } = [];

    public IReadOnlyList<JobResponse> Failures { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var repositories = await reads.RepositoriesAsync(cancellationToken);
        Repositories = await Task.WhenAll(repositories.Select(r => CardAsync(r, cancellationToken)));
        if (Repositories.Any(c => c.Problem is null && c.Measure is null))
        {
            overview.MeasureSoon(); // the first view, or a repository registered since the last measurement
        }

        var (recent, _) = await jobs.ListAsync(1, 50, cancellationToken);
        Running = [.. recent.Where(j => j.State == JobState.Running)];
        Failures = [.. recent.Where(j => j.State == JobState.Failed).Take(10)];
    }

    private async Task<RepositoryCard> CardAsync(RegisteredRepository repository, CancellationToken cancellationToken)
    {
        var location = repository.Location.RedactedLocation;
        if (!reads.CanRead(repository))
        {
            return new(repository.Name, location, null, null, [], "The server holds no password for it.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RepositoryTimeout);
        try
        {
            var snapshots = await reads.ReadAsync(repository, c => c.GetSnapshotsAsync(null, timeout.Token));
            return new(repository.Name, location, snapshots.Count, snapshots.Count == 0 ? null : snapshots.Max(s => s.Time),
                [.. snapshots.Select(s => s.HostName ?? string.Empty).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], null,
                overview.Find(repository.Name));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(repository.Name, location, null, null, [], $"Did not answer within {RepositoryTimeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ConsoleProblemFilter.Describe(ex) is var (_, problem))
        {
            return new(repository.Name, location, null, null, [], problem);
        }
    }

    /// <summary>A running job's percentage from its latest progress (recorded by whichever instance runs it), if any.</summary>
    public static string? Percent(JobResponse job)
    {
        var done = job.Progress switch
        {
            Endpoints.ProgressSnapshot local => local.PercentDone,
            System.Text.Json.Nodes.JsonNode { } recorded when recorded["percent_done"] is { } value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number => value.GetValue<double>(),
            _ => (double?)null,
        };
        return done is { } fraction ? $"{fraction * 100:0}%" : null;
    }
}
