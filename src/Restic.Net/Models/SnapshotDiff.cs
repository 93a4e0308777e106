namespace Restic.Net;

/// <summary>
/// The changes between two snapshots as <c>restic diff</c> reports them, streamed: restic runs while
/// the changes are enumerated, with bounded memory. Every enumeration runs restic anew.
/// </summary>
/// <remarks>
/// Stopping the enumeration early stops restic gracefully; a failure of restic throws its typed
/// exception at the end. As for <see cref="SnapshotListing"/>, an exclusive operation on the same
/// repository started from inside the loop waits until the enumeration has ended.
/// </remarks>
public sealed class SnapshotDiff : IAsyncEnumerable<DiffChange>
{
    private readonly Func<SnapshotDiff, CancellationToken, IAsyncEnumerable<DiffChange>> _source;
    private DiffStatistics? _statistics;

    internal SnapshotDiff(Func<SnapshotDiff, CancellationToken, IAsyncEnumerable<DiffChange>> source) => _source = source;

    /// <summary>The totals restic prints last; set when the enumeration has completed, null before.</summary>
    public DiffStatistics? Statistics
    {
        get => Volatile.Read(ref _statistics);
        internal set => Volatile.Write(ref _statistics, value);
    }

    /// <inheritdoc />
    public IAsyncEnumerator<DiffChange> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _source(this, cancellationToken).GetAsyncEnumerator(cancellationToken);
}
