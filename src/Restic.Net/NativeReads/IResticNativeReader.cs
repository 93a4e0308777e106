namespace Restic.Net;

/// <summary>
/// Reads a repository without running restic, for the reads of a <see cref="ResticClient"/> that opted in
/// (<see cref="ResticClientOptions.NativeReads"/>). Restic.Net.Repository's <c>ResticRepositoryReader</c> implements it.
/// </summary>
/// <remarks>Each method returns what the client's method of the same name returns and throws the same typed exceptions.</remarks>
public interface IResticNativeReader : IDisposable
{
    /// <summary>The repository's config, as <see cref="IResticClient.GetConfigAsync"/>.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository's identity.</returns>
    Task<RepositoryInfo> GetConfigAsync(CancellationToken cancellationToken = default);

    /// <summary>The snapshots, as <see cref="IResticClient.GetSnapshotsAsync"/>.</summary>
    /// <param name="options">The filter and <c>--latest</c>, or null for all snapshots.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshots, oldest first.</returns>
    Task<IReadOnlyList<Snapshot>> GetSnapshotsAsync(SnapshotsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The nodes of a snapshot, as <see cref="IResticClient.GetNodesAsync"/>.</summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder.</param>
    /// <param name="options">Folders, recursion and the filter for <c>latest</c>; null lists the whole snapshot.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The nodes, each folder before its contents.</returns>
    IAsyncEnumerable<SnapshotNode> GetNodesAsync(SnapshotReference snapshot, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The snapshot a reference names, as <see cref="IResticClient.GetSnapshotAsync"/>.</summary>
    /// <param name="snapshot">An id, an id prefix or <see cref="SnapshotReference.Latest"/>.</param>
    /// <param name="filter">Narrows which snapshot <c>latest</c> means, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot.</returns>
    Task<Snapshot> GetSnapshotAsync(SnapshotReference snapshot, SnapshotFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// A file of a snapshot as a seekable read-only stream: the bytes <see cref="IResticClient.DumpAsync"/> writes for a
    /// file; null when the path names a folder or another node that is not a regular file (restic dumps a folder as an
    /// archive, so the client then runs restic).
    /// </summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder.</param>
    /// <param name="path">The absolute path of the file inside the snapshot.</param>
    /// <param name="filter">Narrows which snapshot <c>latest</c> means, or null.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The stream, or null for a path that is not a file.</returns>
    Task<Stream?> TryOpenFileAsync(SnapshotReference snapshot, string path, SnapshotFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds files and folders by pattern, as <see cref="IResticClient.FindAsync"/>; null when this reader does not
    /// answer <c>find</c>, so that the client runs restic (the default, for readers written before 1.1).
    /// </summary>
    /// <param name="patterns">restic's patterns, already checked by the client.</param>
    /// <param name="options">The snapshots, case and time bounds, already checked by the client.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The results, one per snapshot that has matches, or null.</returns>
    IAsyncEnumerable<FindResult>? FindAsync(IReadOnlyList<string> patterns, FindOptions options, CancellationToken cancellationToken = default) => null;

    /// <summary>
    /// Compares two snapshots, as <see cref="IResticClient.StreamDiffAsync"/>: the changes, then the totals last; null
    /// when this reader does not answer <c>diff</c>, so that the client runs restic (the default, for readers written
    /// before 1.1). <c>latest</c> is echoed in the totals as the id it resolved to, as the client does.
    /// </summary>
    /// <param name="firstSnapshot">The snapshot compared from, optionally narrowed to a subfolder; already checked by the client.</param>
    /// <param name="secondSnapshot">The snapshot compared to, optionally narrowed to a subfolder; already checked by the client.</param>
    /// <param name="options">Whether metadata-only changes are reported.</param>
    /// <param name="cancellationToken">Cancels the comparison.</param>
    /// <returns>The events, or null.</returns>
    IAsyncEnumerable<DiffEvent>? StreamDiffAsync(SnapshotReference firstSnapshot, SnapshotReference secondSnapshot, DiffOptions options, CancellationToken cancellationToken = default) => null;

    /// <summary>
    /// Every version of one path across snapshots, as <see cref="IResticClient.GetFileHistoryAsync"/>; null when this
    /// reader does not answer file histories (the default, for readers written before 1.1), so that the client throws
    /// <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="path">The absolute path inside the snapshots, already checked by the client.</param>
    /// <param name="options">The snapshot filter, already checked by the client.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The versions, oldest first, or null.</returns>
    IAsyncEnumerable<FileVersion>? GetFileHistoryAsync(string path, FileHistoryOptions options, CancellationToken cancellationToken = default) => null;
}
