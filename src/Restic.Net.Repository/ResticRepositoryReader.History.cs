using System.Runtime.CompilerServices;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Snapshots;
using Restic.Net.Repository.Trees;

namespace Restic.Net.Repository;

public sealed partial class ResticRepositoryReader
{
    /// <summary>
    /// Every version of one path across snapshots, as <see cref="IResticClient.GetFileHistoryAsync"/> returns it:
    /// snapshots in time order, and consecutive ones that hold the same content at the path (the same data blobs, folder
    /// tree, link target or device) grouped into one <see cref="FileVersion"/>. A snapshot without the path ends a version.
    /// Each folder on the way to the path is read and searched once per call, however many snapshots share it.
    /// </summary>
    /// <param name="path">The absolute path inside the snapshots, such as <c>/home/ann/report.odt</c>.</param>
    /// <param name="options">The snapshot filter; null looks in every snapshot.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The versions, oldest first, each yielded when the next snapshot shows it ended.</returns>
    /// <exception cref="ArgumentException">The path is empty, relative, <c>/</c> or holds a NUL; or the filter is invalid.</exception>
    /// <exception cref="ResticPathNotFoundException">A name on the path is ambiguous in a snapshot (names that differ only in bytes that are not UTF-8).</exception>
    /// <exception cref="ResticRepositoryIntegrityException">A tree on the way is damaged (the exception names the file).</exception>
    public async IAsyncEnumerable<FileVersion> GetFileHistoryAsync(
        string path,
        FileHistoryOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var names = SplitNodePath(path);
        options ??= new FileHistoryOptions();
        SnapshotMatching.Validate(options.Filter);
        var normalized = "/" + string.Join('/', names);
        var basis = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        var snapshots = await GetSnapshotsAsync(new SnapshotsOptions { Filter = options.Filter }, cancellationToken).ConfigureAwait(false);

        var seen = new Dictionary<(BlobId Tree, int Depth), TreeNodeDto?>();
        TreeNodeDto? current = null;
        List<Snapshot>? run = null;
        foreach (var snapshot in snapshots)
        {
            var node = await FindOnPathAsync(ParseTreeId(snapshot.Tree, "/"), names, 0, normalized, basis, seen, cancellationToken).ConfigureAwait(false);
            if (run is not null && (node is null || !NodeEquality.SameVersion(current!, node)))
            {
                yield return new FileVersion { Node = NodeProjection.ToFoundNode(current!, normalized), Snapshots = run };
                run = null;
            }

            if (node is not null)
            {
                if (run is null)
                {
                    current = node;
                    run = [];
                }

                run.Add(snapshot);
            }
        }

        if (run is not null)
        {
            yield return new FileVersion { Node = NodeProjection.ToFoundNode(current!, normalized), Snapshots = run };
        }
    }

    private static string[] SplitNodePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var names = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!path.StartsWith('/') || names.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Give the absolute path of a file or folder inside the snapshots, such as /home/ann/report.odt; got '{path}'.", nameof(path));
        }

        return names;
    }

    // The node at names[depth..] below a tree, or null where the path does not exist; remembered by tree and depth for
    // the rest of the call, so a folder that many snapshots share is searched once.
    private async ValueTask<TreeNodeDto?> FindOnPathAsync(
        BlobId tree,
        string[] names,
        int depth,
        string path,
        RepositoryIndex basis,
        Dictionary<(BlobId Tree, int Depth), TreeNodeDto?> seen,
        CancellationToken cancellationToken)
    {
        if (seen.TryGetValue((tree, depth), out var known))
        {
            return known;
        }

        var node = FindByName(await LoadTreeAsync(tree, basis, cancellationToken).ConfigureAwait(false), names[depth], out var ambiguous);
        if (ambiguous)
        {
            throw new ResticPathNotFoundException(
                path,
                $"The name {names[depth]} on the path {path} is ambiguous: several entries of its folder read as this name, because their names differ only in bytes that are not UTF-8 (each read as U+FFFD).");
        }

        if (node is not null && depth < names.Length - 1)
        {
            node = node.Type == "dir" && node.Subtree is not null
                ? await FindOnPathAsync(ParseTreeId(node.Subtree, "/" + string.Join('/', names[..(depth + 1)])), names, depth + 1, path, basis, seen, cancellationToken).ConfigureAwait(false)
                : null;
        }

        seen[(tree, depth)] = node;
        return node;
    }
}
