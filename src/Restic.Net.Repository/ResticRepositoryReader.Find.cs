using System.Runtime.CompilerServices;
using Restic.Net.Patterns;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Snapshots;
using Restic.Net.Repository.Trees;

namespace Restic.Net.Repository;

public sealed partial class ResticRepositoryReader
{
    /// <summary>
    /// Finds files and folders by pattern as <c>restic find</c> does and as <see cref="IResticClient.FindAsync"/>
    /// returns them: one result per snapshot with matches, oldest snapshot first, each snapshot's matches in
    /// listing order (a folder before its contents). A subtree met again at the same path, in this snapshot or
    /// another, is read and matched once per call.
    /// </summary>
    /// <param name="patterns">restic's patterns: Go globs per path part, <c>**</c> for any folders, a leading <c>/</c> anchors at the root.</param>
    /// <param name="options">The snapshots to search (all by default), case, and modification-time bounds (to the second, as restic).</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The results, one per snapshot that has matches.</returns>
    /// <exception cref="ArgumentException">No pattern, an empty or malformed one, or invalid options.</exception>
    /// <exception cref="ResticSnapshotNotFoundException">A snapshot of <see cref="FindOptions.Snapshots"/> does not exist.</exception>
    public async IAsyncEnumerable<FindResult> FindAsync(
        IReadOnlyList<string> patterns,
        FindOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new FindOptions();
        var query = FindQuery.Create(patterns, options);
        SnapshotMatching.Validate(options.Filter);
        var basis = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        var snapshots = options.Snapshots.Count == 0
            ? await GetSnapshotsAsync(new SnapshotsOptions { Filter = options.Filter }, cancellationToken).ConfigureAwait(false)
            : await ResolveAllAsync(options.Snapshots, options.Filter, cancellationToken).ConfigureAwait(false);

        var seen = new Dictionary<(BlobId Tree, string Path), SnapshotNode[]>();
        foreach (var snapshot in snapshots)
        {
            var matches = await FindInTreeAsync(ParseTreeId(snapshot.Tree, "/"), string.Empty, query, basis, seen, cancellationToken).ConfigureAwait(false);
            if (matches.Length > 0)
            {
                yield return new FindResult { SnapshotId = snapshot.Id, Hits = matches.Length, Matches = matches };
            }
        }
    }

    private async Task<Snapshot[]> ResolveAllAsync(IReadOnlyList<SnapshotReference> references, SnapshotFilter? filter, CancellationToken cancellationToken)
    {
        var snapshots = new Snapshot[references.Count];
        for (var i = 0; i < references.Count; i++)
        {
            snapshots[i] = await GetSnapshotAsync(references[i], filter, cancellationToken).ConfigureAwait(false);
        }

        return snapshots;
    }

    // The matches in one tree and below it, in listing order; remembered by tree and path for the rest of the call.
    private async ValueTask<SnapshotNode[]> FindInTreeAsync(
        BlobId tree,
        string path,
        FindQuery query,
        RepositoryIndex basis,
        Dictionary<(BlobId Tree, string Path), SnapshotNode[]> seen,
        CancellationToken cancellationToken)
    {
        if (seen.TryGetValue((tree, path), out var known))
        {
            return known;
        }

        List<SnapshotNode>? found = null;
        foreach (var node in await LoadTreeAsync(tree, basis, cancellationToken).ConfigureAwait(false))
        {
            var nodePath = path + "/" + node.Name;
            var parts = ResticPathPattern.Split(query.IgnoreCase ? nodePath.ToLowerInvariant() : nodePath);
            var isMatch = query.Matches(parts) && query.IsInTime(node.Mtime);
            if (isMatch)
            {
                (found ??= []).Add(NodeProjection.ToFoundNode(node, nodePath));
            }

            // restic goes on below a match, and below any folder where a match is still possible.
            if (node.Type == "dir" && node.Subtree is not null && (isMatch || query.ChildMayMatch(parts)))
            {
                var below = await FindInTreeAsync(ParseTreeId(node.Subtree, nodePath), nodePath, query, basis, seen, cancellationToken).ConfigureAwait(false);
                if (below.Length > 0)
                {
                    (found ??= []).AddRange(below);
                }
            }
        }

        var result = found?.ToArray() ?? [];
        seen[(tree, path)] = result;
        return result;
    }
}
