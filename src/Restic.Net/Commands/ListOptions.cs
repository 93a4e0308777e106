namespace Restic.Net;

/// <summary>Options of <c>ls</c>.</summary>
public sealed record ListOptions
{
    /// <summary>
    /// Folders inside the snapshot to list (absolute snapshot paths); empty for the whole snapshot.
    /// A folder is listed with its direct children, or with everything below it when <see cref="Recursive"/> is set.
    /// </summary>
    public IReadOnlyList<string> Paths { get => field ?? ValueList<string>.Empty; init => field = ValueList.Of(value, nameof(Paths)); }

    /// <summary>Lists everything below <see cref="Paths"/> instead of the direct children only (<c>--recursive</c>).</summary>
    public bool Recursive { get; init; }

    /// <summary>Narrows which snapshot <c>latest</c> means (<c>--host</c>, <c>--tag</c>, <c>--path</c>).</summary>
    public SnapshotFilter? Filter { get; init; }

    internal void Validate()
    {
        Guard.Items(Paths);
    }
}
