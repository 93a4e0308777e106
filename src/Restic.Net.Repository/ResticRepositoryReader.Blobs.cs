using System.Buffers;
using System.Collections.Concurrent;
using Restic.Net.Repository.Crypto;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Storage;

namespace Restic.Net.Repository;

public sealed partial class ResticRepositoryReader
{
    /// <summary>The largest data blob: restic's chunker cuts files into chunks of at most 8 MiB.</summary>
    private const int MaxDataBlobSize = 8 << 20;

    private readonly SemaphoreSlim _indexGate = new(1, 1);
    private RepositoryIndex? _index;

    /// <summary>The number of blobs and packs the loaded index lists, and its files; loads the index if needed.</summary>
    internal async Task<RepositoryIndex> GetIndexAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _index) is { } index)
        {
            return index;
        }

        await _indexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return _index ??= await LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _indexGate.Release();
        }
    }

    /// <summary>
    /// Reloads the index when the repository's index files changed since <paramref name="stale"/> was loaded
    /// (a backup added one, a prune replaced them); returns the index to use.
    /// </summary>
    private async Task<RepositoryIndex> RefreshIndexAsync(RepositoryIndex stale, CancellationToken cancellationToken)
    {
        await _indexGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index is { } current && !ReferenceEquals(current, stale))
            {
                return current; // another call reloaded it already
            }

            var names = await ListAsync(FileKind.Index, cancellationToken).ConfigureAwait(false);
            if (names.Count == stale.Files.Count && names.All(stale.Files.Contains))
            {
                return stale;
            }

            return _index = await LoadIndexAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _indexGate.Release();
        }
    }

    private async Task<RepositoryIndex> LoadIndexAsync(CancellationToken cancellationToken)
    {
        // An index file deleted between the listing and its reading (a prune) means: list again.
        for (var attempt = 1; ; attempt++)
        {
            var names = await ListAsync(FileKind.Index, cancellationToken).ConfigureAwait(false);
            var files = new ConcurrentDictionary<string, RepositoryIndex.IndexFile>(StringComparer.Ordinal);
            try
            {
                await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (name, token) =>
                {
                    var json = await ReadAsync(FileKind.Index, name, token).ConfigureAwait(false);
                    files[name] = RepositoryIndex.IndexFile.Parse(json.Span, out var problem)
                        ?? throw new ResticRepositoryIntegrityException(_storage.PathOf(FileKind.Index, name), problem + ".");
                }).ConfigureAwait(false);
            }
            catch (ResticRepositoryChangedException) when (attempt < 3)
            {
                continue;
            }

            var index = new RepositoryIndex(names.ToHashSet(StringComparer.Ordinal));
            foreach (var name in names)
            {
                index.Add(files[name]);
            }

            index.Seal();
            return index;
        }
    }

    /// <summary>
    /// Where a blob is: the entry of the loaded index, or of the index reloaded because the repository's index files
    /// changed. <paramref name="basis"/> is the index the call began with, before it resolved its snapshot: a blob that
    /// no index lists although the index files changed since is a concurrent prune of a forgotten snapshot's data
    /// (retryable); with the same index files as then, it is damage.
    /// </summary>
    internal async Task<(RepositoryIndex Index, BlobEntry Entry, BlobId Pack)> LocateBlobAsync(BlobId id, BlobType type, RepositoryIndex basis, string? what, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        if (index.TryGet(id, out var entry, out var pack))
        {
            return (index, entry, pack);
        }

        // Written after the index was loaded (a newer snapshot), or moved by a prune: look again.
        index = await RefreshIndexAsync(index, cancellationToken).ConfigureAwait(false);
        if (index.TryGet(id, out entry, out pack))
        {
            return (index, entry, pack);
        }

        var blob = $"{type.ToString().ToLowerInvariant()} blob {id}{(what is null ? null : " of " + what)}";
        if (!index.HasSameFiles(basis))
        {
            throw new ResticRepositoryChangedException("index", $"The repository's index changed while the reader read it, and no index file lists the {blob} any more (a prune removed the data of a forgotten snapshot). Retry the call.");
        }

        throw new ResticRepositoryIntegrityException("index", $"no index file lists the {blob} (the repository is damaged; restic check reports it).");
    }

    /// <summary>Loads a blob's plaintext: read by range from its pack, authenticated, decompressed and checked against its id.</summary>
    /// <param name="id">The blob.</param>
    /// <param name="type">Its type, as the index must list it.</param>
    /// <param name="basis">The index the call (a listing, a file stream) began with; see <see cref="LocateBlobAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="pooled">
    /// Whether the plaintext goes into an array rented from <see cref="ArrayPool{T}.Shared"/> (then only its first
    /// <c>Length</c> bytes are the blob's, and the caller returns it with <see cref="ReturnPooled"/>): a file stream's
    /// blobs, which would otherwise fill the large-object heap, a MiB or more each, between its rare collections.
    /// </param>
    internal async Task<(byte[] Plaintext, int Length, string Pack)> LoadBlobAsync(BlobId id, BlobType type, RepositoryIndex basis, CancellationToken cancellationToken, bool pooled = false)
    {
        ThrowIfDisposed();
        var (index, entry, pack) = await LocateBlobAsync(id, type, basis, null, cancellationToken).ConfigureAwait(false);
        var packName = pack.ToString();
        var path = _storage.PathOf(FileKind.Pack, packName);
        if (entry.Type != type)
        {
            throw new ResticRepositoryIntegrityException(path, $"blob {id} is a {entry.Type.ToString().ToLowerInvariant()} blob where a {type.ToString().ToLowerInvariant()} blob was expected.");
        }

        // The index (authenticated, but written by whoever holds the key) sets the memory a blob takes: bounded.
        var maxPlaintext = type == BlobType.Data ? MaxDataBlobSize : _options.MaxTreeSize;
        var plaintextLength = entry.IsCompressed ? entry.UncompressedLength : (long)entry.Length - MasterKey.Overhead;
        if (plaintextLength > maxPlaintext || entry.Length > UnpackedFile.MaxStoredSize(maxPlaintext))
        {
            throw new ResticRepositoryIntegrityException(path, type == BlobType.Data
                ? $"the index gives data blob {id} {plaintextLength} bytes ({entry.Length} stored), more than restic's chunks ever hold ({MaxDataBlobSize})."
                : $"the index gives tree blob {id} {plaintextLength} bytes ({entry.Length} stored), more than the reader's limit, ResticRepositoryReaderOptions.MaxTreeSize ({maxPlaintext}).");
        }

        // The encrypted blob, and a compressed blob's decrypted bytes, are pooled: only the result is allocated.
        var sealedBlob = ArrayPool<byte>.Shared.Rent((int)entry.Length);
        byte[]? compressed = null;
        byte[]? plaintext = null;
        int length;
        var succeeded = false;
        try
        {
            var sealedSpan = sealedBlob.AsMemory(0, (int)entry.Length);
            try
            {
                await _storage.ReadAsync(FileKind.Pack, packName, entry.Offset, sealedSpan, cancellationToken).ConfigureAwait(false);
            }
            catch (FileNotFoundException exception)
            {
                // A prune deletes a pack only after it wrote the index files that no longer name it: if the index
                // files changed and no longer put the blob there, retry; if they still do, the pack stays missing.
                var current = await RefreshIndexAsync(index, cancellationToken).ConfigureAwait(false);
                if (current.TryGet(id, out _, out var stillThere) && stillThere.Equals(pack))
                {
                    throw new ResticRepositoryIntegrityException(path, $"the pack is missing, though the repository's current index lists blob {id} in it (the repository is damaged; restic check reports it).", exception);
                }

                throw new ResticRepositoryChangedException(path, exception);
            }
            catch (EndOfStreamException exception)
            {
                throw new ResticRepositoryIntegrityException(path, $"the pack ends before blob {id} (offset {entry.Offset}, length {entry.Length}).", exception);
            }

            var decryptedLength = (int)entry.Length - MasterKey.Overhead;
            if (entry.IsCompressed)
            {
                compressed = ArrayPool<byte>.Shared.Rent(decryptedLength);
            }

            length = entry.IsCompressed ? (int)entry.UncompressedLength : decryptedLength;
            plaintext = pooled ? ArrayPool<byte>.Shared.Rent(length) : new byte[length];
            var decrypted = entry.IsCompressed ? compressed.AsSpan(0, decryptedLength) : plaintext.AsSpan(0, length);
            if (!_key.TryOpen(sealedSpan.Span, decrypted))
            {
                throw new ResticRepositoryIntegrityException(path, $"the MAC of blob {id} at offset {entry.Offset} does not match (the pack was changed or damaged).");
            }

            if (entry.IsCompressed && !Zstd.TryDecompress(decrypted, plaintext.AsSpan(0, length)))
            {
                throw new ResticRepositoryIntegrityException(path, $"blob {id} does not decompress to its {entry.UncompressedLength} bytes.");
            }

            if (!id.IsHashOf(plaintext.AsSpan(0, length)))
            {
                throw new ResticRepositoryIntegrityException(path, $"blob {id} does not hash to its id.");
            }

            succeeded = true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sealedBlob);
            if (compressed is not null)
            {
                ReturnPooled(compressed, compressed.Length);
            }

            if (!succeeded && pooled && plaintext is not null)
            {
                ReturnPooled(plaintext, plaintext.Length);
            }
        }

        return (plaintext, length, path);
    }

    /// <summary>Returns a rented array that held plaintext, zeroed first: file data must not outlive its use in a shared pool.</summary>
    internal static void ReturnPooled(byte[] buffer, int length)
    {
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer.AsSpan(0, length));
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
