namespace Restic.Net.Extensions.DependencyInjection;

/// <summary>What <see cref="ResticHealthChecksBuilderExtensions.AddResticRepositoryCheck"/> checks besides reachability.</summary>
public sealed class ResticHealthCheckOptions
{
    /// <summary>
    /// The registered client to check; <see langword="null"/> (the default) checks the client with the
    /// same name as the health check, an empty string the default client.
    /// </summary>
    public string? ClientName { get; set; }

    /// <summary>
    /// The latest snapshot (of those <see cref="Filter"/> selects) must be younger than this; an older
    /// one, or none at all, makes the check fail. <see langword="null"/> (the default) checks only
    /// that the repository can be opened and read.
    /// </summary>
    public TimeSpan? MaxSnapshotAge { get; set; }

    /// <summary>Which snapshots count for <see cref="MaxSnapshotAge"/>: by host, tags and paths.</summary>
    public SnapshotFilter? Filter { get; set; }
}
