namespace Restic.Net;

/// <summary>Options of <c>forget</c>.</summary>
public sealed record ForgetOptions
{
    /// <summary>Creates forget options.</summary>
    /// <param name="policy">Which snapshots to keep; use <see cref="RetentionPolicy.Default"/> for the ops-console default.</param>
    public ForgetOptions(RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>Which snapshots to keep.</summary>
    public RetentionPolicy Policy { get; }

    /// <summary>
    /// How snapshots are grouped before the policy is applied (<c>--group-by</c>), a comma list of
    /// <c>host</c>, <c>paths</c> and <c>tags</c>; empty string for no grouping; null for restic's default (<c>host,paths</c>).
    /// </summary>
    public string? GroupBy { get; init; }

    /// <summary>Only snapshots that match this filter are considered.</summary>
    public SnapshotFilter? Filter { get; init; }

    /// <summary>Removes the data no snapshot references any more right away (<c>--prune</c>).</summary>
    public bool Prune { get; init; }

    /// <summary>Reports what would be removed without removing it (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    internal void Validate()
    {
        SnapshotFilter.RejectLatest(Filter, nameof(Filter));
        Policy.Validate();
        Guard.NoNul(GroupBy);
    }
}
