namespace Restic.Net;

/// <summary>
/// The nodes of a snapshot as <c>restic ls</c> lists them, streamed: restic runs while the listing is
/// enumerated, with memory bounded however large the snapshot is. Every enumeration runs restic anew.
/// </summary>
/// <remarks>
/// Stopping the enumeration early stops restic gracefully. A failure of restic throws its typed
/// exception at the end of the enumeration. The listing counts as a running command of the
/// repository: an operation that takes an exclusive lock (forget, prune, tag, ...) started on the
/// same repository from inside the loop waits until the enumeration has ended.
/// </remarks>
public sealed class SnapshotListing : IAsyncEnumerable<SnapshotNode>
{
    private readonly Func<SnapshotListing, CancellationToken, IAsyncEnumerable<SnapshotNode>> _source;
    private Snapshot? _snapshot;

    internal SnapshotListing(Func<SnapshotListing, CancellationToken, IAsyncEnumerable<SnapshotNode>> source) => _source = source;

    /// <summary>
    /// The snapshot being listed (restic's first line); set once the enumeration has started, before
    /// the first node is yielded. Null before that.
    /// </summary>
    public Snapshot? Snapshot
    {
        get => Volatile.Read(ref _snapshot);
        internal set => Volatile.Write(ref _snapshot, value);
    }

    /// <inheritdoc />
    public IAsyncEnumerator<SnapshotNode> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        _source(this, cancellationToken).GetAsyncEnumerator(cancellationToken);
}
