using System.Runtime.CompilerServices;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Trees;

namespace Restic.Net.Repository;

public sealed partial class ResticRepositoryReader
{
    /// <summary>
    /// Compares two snapshots as <c>restic diff</c> (restic 0.19) does and as <see cref="IResticClient.StreamDiffAsync"/>
    /// returns it: a <see cref="DiffChangeEvent"/> per changed path, depth first in name order, then, last, a
    /// <see cref="DiffCompletedEvent"/> with restic's totals. A subtree both snapshots share (the same tree id) is not
    /// walked for changes; its blobs are read only when the totals need them.
    /// </summary>
    /// <param name="firstSnapshot">The snapshot compared from, optionally narrowed to a subfolder; <c>latest</c> is the newest snapshot.</param>
    /// <param name="secondSnapshot">The snapshot compared to, optionally narrowed to a subfolder.</param>
    /// <param name="options">Whether metadata-only changes are reported (<c>U</c>); null for restic's default.</param>
    /// <param name="cancellationToken">Cancels the comparison.</param>
    /// <returns>The changes, then the totals.</returns>
    /// <exception cref="ArgumentException">A reference is <see langword="default"/>.</exception>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches a reference.</exception>
    /// <exception cref="ResticPathNotFoundException">A subfolder does not exist in its snapshot or is not a folder.</exception>
    public async IAsyncEnumerable<DiffEvent> StreamDiffAsync(
        SnapshotReference firstSnapshot,
        SnapshotReference secondSnapshot,
        DiffOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if (firstSnapshot == default || secondSnapshot == default)
        {
            throw new ArgumentException("Two snapshot references are required.", firstSnapshot == default ? nameof(firstSnapshot) : nameof(secondSnapshot));
        }

        options ??= new DiffOptions();

        // As restic: both snapshots first, then their subfolders.
        var basis = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        var first = await GetSnapshotAsync(firstSnapshot, null, cancellationToken).ConfigureAwait(false);
        var second = await GetSnapshotAsync(secondSnapshot, null, cancellationToken).ConfigureAwait(false);
        var firstRoot = await GetRootAsync(first, firstSnapshot.Subfolder, basis, cancellationToken).ConfigureAwait(false);
        var secondRoot = await GetRootAsync(second, secondSnapshot.Subfolder, basis, cancellationToken).ConfigureAwait(false);

        var walk = new DiffWalk(options.IncludeMetadata);
        walk.Before.Add(new BlobHandle(firstRoot, BlobType.Tree));
        walk.After.Add(new BlobHandle(secondRoot, BlobType.Tree));
        var stack = new Stack<DiffFrame>();
        stack.Push(DiffFrame.Compare(
            "/",
            await LoadTreeAsync(firstRoot, basis, cancellationToken).ConfigureAwait(false),
            await LoadTreeAsync(secondRoot, basis, cancellationToken).ConfigureAwait(false)));
        while (stack.TryPeek(out var frame))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!frame.TryNext(out var left, out var right))
            {
                stack.Pop();
                continue;
            }

            if (frame.Modifier is { } modifier)
            {
                // A folder only one side has: every node below it, with its blobs on that side.
                var node = left!;
                var isFolder = node.Type == "dir";
                var path = frame.PathOf(node, isFolder);
                yield return Change(path, modifier);
                (modifier == "+" ? walk.Added : walk.Removed).Add(node);
                DiffWalk.AddBlobs(modifier == "+" ? walk.After : walk.Before, node, path);
                if (isFolder)
                {
                    stack.Push(DiffFrame.OneSided(path, await LoadSubtreeAsync(node, path, basis, cancellationToken).ConfigureAwait(false), modifier));
                }

                continue;
            }

            DiffWalk.AddBlobs(walk.Before, left, frame.Prefix);
            DiffWalk.AddBlobs(walk.After, right, frame.Prefix);
            if (left is not null && right is not null)
            {
                // restic ends the path in "/" when the second snapshot's node is a folder.
                var path = frame.PathOf(right, right.Type == "dir");
                var change = walk.Modifier(left, right);
                if (change.Length > 0)
                {
                    yield return Change(path, change);
                }

                if (left.Type == "dir" && right.Type == "dir")
                {
                    var leftTree = DiffWalk.ParseBlob(left.Subtree, path);
                    var rightTree = DiffWalk.ParseBlob(right.Subtree, path);
                    if (leftTree.Equals(rightTree))
                    {
                        walk.SharedTrees.Add(leftTree); // the same tree: nothing below it changed
                    }
                    else
                    {
                        stack.Push(DiffFrame.Compare(
                            path,
                            await LoadTreeAsync(leftTree, basis, cancellationToken).ConfigureAwait(false),
                            await LoadTreeAsync(rightTree, basis, cancellationToken).ConfigureAwait(false)));
                    }
                }

                continue;
            }

            var only = (left ?? right)!;
            var sign = left is null ? "+" : "-";
            var onlyIsFolder = only.Type == "dir";
            var onlyPath = frame.PathOf(only, onlyIsFolder);
            yield return Change(onlyPath, sign);
            (left is null ? walk.Added : walk.Removed).Add(only);
            if (onlyIsFolder)
            {
                stack.Push(DiffFrame.OneSided(onlyPath, await LoadSubtreeAsync(only, onlyPath, basis, cancellationToken).ConfigureAwait(false), sign));
            }
        }

        yield return new DiffCompletedEvent
        {
            Statistics = await TotalDiffAsync(walk, basis, cancellationToken).ConfigureAwait(false) with
            {
                // restic echoes its arguments; the client resolves latest to an id first, and so does the reader.
                SourceSnapshot = Echo(firstSnapshot, first),
                TargetSnapshot = Echo(secondSnapshot, second),
            },
        };
    }

    private static DiffChangeEvent Change(string path, string modifier) => new() { Change = new DiffChange { Path = path, Modifier = modifier } };

    private static SnapshotReference Echo(SnapshotReference reference, Snapshot snapshot)
    {
        if (!reference.IsLatest)
        {
            return reference;
        }

        SnapshotReference resolved = snapshot.Id;
        return reference.Subfolder is { } subfolder ? resolved.WithSubfolder(subfolder) : resolved;
    }

    private Task<TreeNodeDto[]> LoadSubtreeAsync(TreeNodeDto folder, string path, RepositoryIndex basis, CancellationToken cancellationToken) =>
        LoadTreeAsync(DiffWalk.ParseBlob(folder.Subtree, path), basis, cancellationToken);

    /// <summary>
    /// restic's totals: the blobs only one side references, less those both reference and those below the shared
    /// subtrees; their count by type and their plaintext size from the index.
    /// </summary>
    private async Task<DiffStatistics> TotalDiffAsync(DiffWalk walk, RepositoryIndex basis, CancellationToken cancellationToken)
    {
        var removed = walk.Before.Where(blob => !walk.After.Contains(blob)).ToHashSet();
        var added = walk.After.Where(blob => !walk.Before.Contains(blob)).ToHashSet();
        if (removed.Count + added.Count > 0)
        {
            await RemoveSharedBlobsAsync(walk.SharedTrees, removed, added, basis, cancellationToken).ConfigureAwait(false);
        }

        return new DiffStatistics
        {
            ChangedFiles = walk.ChangedFiles,
            Added = walk.Added.ToCounts(added.Count(b => b.Type == BlobType.Data), added.Count(b => b.Type == BlobType.Tree), await SizeAsync(added, basis, cancellationToken).ConfigureAwait(false)),
            Removed = walk.Removed.ToCounts(removed.Count(b => b.Type == BlobType.Data), removed.Count(b => b.Type == BlobType.Tree), await SizeAsync(removed, basis, cancellationToken).ConfigureAwait(false)),
        };
    }

    /// <summary>
    /// Takes out of both sets every blob below the shared subtrees (restic's common blobs), reading each shared tree
    /// once and stopping as soon as neither set has a blob left to take out.
    /// </summary>
    private async Task RemoveSharedBlobsAsync(HashSet<BlobId> sharedTrees, HashSet<BlobHandle> removed, HashSet<BlobHandle> added, RepositoryIndex basis, CancellationToken cancellationToken)
    {
        var visited = new HashSet<BlobId>();
        var pending = new Stack<(BlobId Tree, string Path)>(sharedTrees.Select(tree => (tree, "a shared folder")));
        var below = new HashSet<BlobHandle>();
        while (pending.Count > 0 && removed.Count + added.Count > 0)
        {
            var (tree, path) = pending.Pop();
            if (!visited.Add(tree))
            {
                continue;
            }

            foreach (var node in await LoadTreeAsync(tree, basis, cancellationToken).ConfigureAwait(false))
            {
                below.Clear();
                DiffWalk.AddBlobs(below, node, path);
                foreach (var blob in below)
                {
                    removed.Remove(blob);
                    added.Remove(blob);
                }

                if (node.Type == "dir")
                {
                    pending.Push((DiffWalk.ParseBlob(node.Subtree, path), path));
                }
            }
        }
    }

    private async Task<long> SizeAsync(HashSet<BlobHandle> blobs, RepositoryIndex basis, CancellationToken cancellationToken)
    {
        long bytes = 0;
        foreach (var blob in blobs)
        {
            if (!basis.TryGet(blob.Id, out var entry, out _))
            {
                // Not in the index the call began with: a newer index may list it; if none does, the repository is damaged.
                (_, entry, _) = await LocateBlobAsync(blob.Id, blob.Type, basis, "the diff", cancellationToken).ConfigureAwait(false);
            }

            bytes += entry.PlaintextLength;
        }

        return bytes;
    }
}
