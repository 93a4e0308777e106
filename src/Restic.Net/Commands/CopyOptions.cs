namespace Restic.Net;

/// <summary>
/// Options of <c>copy</c>: the repository to copy snapshots from into the client's repository. Its
/// location and password reach restic through <c>RESTIC_FROM_*</c> environment variables, never the command line.
/// </summary>
public sealed record CopyOptions
{
    /// <summary>Creates copy options.</summary>
    /// <param name="source">The repository to copy from.</param>
    /// <param name="sourcePassword">Its password.</param>
    public CopyOptions(ResticRepository source, ResticPassword sourcePassword)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sourcePassword);
        Source = source;
        SourcePassword = sourcePassword;
    }

    /// <summary>The repository to copy from.</summary>
    public ResticRepository Source { get; }

    /// <summary>The source repository's password.</summary>
    public ResticPassword SourcePassword { get; }

    /// <summary>The snapshots to copy, by id in the source; empty for all that match <see cref="Filter"/>.</summary>
    public IReadOnlyList<string> Snapshots { get; init; } = [];

    /// <summary>Copies only snapshots that match the filter.</summary>
    public SnapshotFilter? Filter { get; init; }

    internal void Validate()
    {
        SnapshotFilter.RejectLatest(Filter, nameof(Filter));
        foreach (var snapshot in Snapshots)
        {
            Guard.SnapshotReference(snapshot, nameof(Snapshots));
        }
    }
}
