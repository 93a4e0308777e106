using Microsoft.AspNetCore.Mvc;

namespace Restic.Net.Samples.WebApi.Console.Pages;

/// <summary>A repository's snapshots, newest first and grouped by day, narrowed by host, tag and path.</summary>
internal sealed class SnapshotsModel(ConsoleReads reads) : ConsolePageModel
{
    [FromRoute]
    public string Repository { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? Host { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "path")]
    public string? SnapshotPathFilter { get; set; }

    /// <summary>Every host of the repository's snapshots, for the filter's choices.</summary>
    public IReadOnlyList<string> Hosts { get; private set; } = [];

    public IReadOnlyList<string> Tags { get; private set; } = [];

    public IReadOnlyList<IGrouping<DateOnly, Snapshot>> Days { get; private set; } = [];

    public int Total { get; private set; }

    public int Shown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var repository = await reads.FindAsync(Repository, cancellationToken);
        var all = await reads.ReadAsync(repository, c => c.GetSnapshotsAsync(null, cancellationToken));
        Total = all.Count;
        Hosts = [.. all.Select(s => s.HostName ?? string.Empty).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Tags = [.. all.SelectMany(s => s.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        // Filtered here, on the list the reader already holds, with restic's rules: equal host, one tag among the
        // snapshot's, and a path among its backed-up paths.
        var shown = all.Where(s =>
            (string.IsNullOrEmpty(Host) || s.HostName == Host)
            && (string.IsNullOrEmpty(Tag) || s.Tags.Contains(Tag, StringComparer.Ordinal))
            && (string.IsNullOrEmpty(SnapshotPathFilter) || s.Paths.Contains(SnapshotPathFilter, StringComparer.Ordinal)));
        Days = [.. shown.OrderByDescending(s => s.Time).GroupBy(s => DateOnly.FromDateTime(s.Time.UtcDateTime))];
        Shown = Days.Sum(d => d.Count());
    }
}
