namespace Restic.Net;

/// <summary>The result of <c>diff</c> as one value: every changed path and restic's totals (<see cref="ResticClientExtensions.DiffAsync"/>).</summary>
public sealed record DiffResult
{
    /// <summary>The paths that differ, in restic's order.</summary>
    public IReadOnlyList<DiffChange> Changes { get => field ?? ValueList<DiffChange>.Empty; init => field = ValueList.Of(value, nameof(Changes)); }

    /// <summary>restic's totals: what was added and removed, by count and size.</summary>
    public DiffStatistics Statistics { get; init; } = new();
}
