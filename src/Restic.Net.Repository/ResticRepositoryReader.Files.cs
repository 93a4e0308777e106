using Restic.Net.Repository.Files;
using Restic.Net.Repository.Index;

namespace Restic.Net.Repository;

public sealed partial class ResticRepositoryReader
{
    /// <summary>
    /// Opens a file of a snapshot as a seekable, read-only stream (what <c>restic dump</c> writes for a file).
    /// Blobs are read by range as the stream is read, each authenticated and checked before its bytes are returned.
    /// </summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder (the path is then inside it).</param>
    /// <param name="path">The absolute path of the file inside the snapshot.</param>
    /// <param name="filter">Narrows which snapshot <c>latest</c> means, or null.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The stream; dispose it.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches the reference.</exception>
    /// <exception cref="ResticPathNotFoundException">
    /// The snapshot has no file at <paramref name="path"/>, or a name on the path is ambiguous: several entries of its
    /// folder read as that name because their names differ only in bytes that are not UTF-8 (each read as U+FFFD, as
    /// restic ls prints them). restic cannot name such a file either; the message says which case it is.
    /// </exception>
    /// <exception cref="ResticRepositoryChangedException">A concurrent prune changed the index while the file was opened or read: retry.</exception>
    /// <exception cref="ResticRepositoryIntegrityException">A file or blob the stream needs is damaged or missing while the index names it.</exception>
    /// <remarks>
    /// The stream's reads throw the same exceptions, and <see cref="ResticTimeoutException"/> when a REST request,
    /// its body included, takes longer than <see cref="ResticRepositoryReaderOptions.RequestTimeout"/>.
    /// </remarks>
    /// <exception cref="NotSupportedException">The path is a folder or another kind of node (restic dumps a folder as an archive: use <see cref="IResticClient.DumpAsync"/>).</exception>
    public async Task<Stream> OpenFileAsync(SnapshotReference snapshot, string path, SnapshotFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var (stream, type) = await OpenNodeAsync(snapshot, path, filter, cancellationToken).ConfigureAwait(false);
        return stream ?? throw new NotSupportedException($"{path} is a {type}, not a file: the native reader streams files; restic dumps folders as archives (ResticClient.DumpAsync).");
    }

    /// <summary>
    /// Opens a file of a snapshot as <see cref="OpenFileAsync"/> does, or returns null when the path names a folder or
    /// another node that is not a regular file, instead of throwing <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder (the path is then inside it).</param>
    /// <param name="path">The absolute path of the file inside the snapshot.</param>
    /// <param name="filter">Narrows which snapshot <c>latest</c> means, or null.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The stream (dispose it), or null for a path that is not a file.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches the reference.</exception>
    /// <exception cref="ResticPathNotFoundException">The snapshot has no such path, or a name on it is ambiguous (see <see cref="OpenFileAsync"/>).</exception>
    public async Task<Stream?> TryOpenFileAsync(SnapshotReference snapshot, string path, SnapshotFilter? filter = null, CancellationToken cancellationToken = default) =>
        (await OpenNodeAsync(snapshot, path, filter, cancellationToken).ConfigureAwait(false)).Stream;

    private async Task<(Stream? Stream, string Type)> OpenNodeAsync(SnapshotReference snapshot, string path, SnapshotFilter? filter, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"Name the file by its absolute path inside the snapshot; got '{path}'.", nameof(path));
        }

        var (root, basis) = await GetRootAsync(snapshot, filter, cancellationToken).ConfigureAwait(false);
        var node = await FindNodeAsync(root, path, basis, cancellationToken).ConfigureAwait(false);
        if (node is null || node.Type != "file")
        {
            return (null, node?.Type ?? "dir");
        }

        var index = basis;
        var blobs = new BlobId[node.Content?.Length ?? 0];
        var ends = new long[blobs.Length];
        long length = 0;
        for (var i = 0; i < blobs.Length; i++)
        {
            if (!BlobId.TryParse(node.Content![i], out blobs[i]))
            {
                throw new ResticRepositoryIntegrityException("index", $"a content id of {path} is not 64 hex digits.");
            }

            if (!index.TryGet(blobs[i], out var entry, out _))
            {
                (index, entry, _) = await LocateBlobAsync(blobs[i], BlobType.Data, basis, path, cancellationToken).ConfigureAwait(false);
            }

            length += entry.PlaintextLength;
            ends[i] = length;
        }

        // The stream's reads tell a prune from damage against the index the lengths came from.
        return (new SnapshotFileStream(this, blobs, ends, index), "file");
    }
}
