using System.Runtime.CompilerServices;
using System.Text.Json;
using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;
using Restic.Net.Repository.Trees;

namespace Restic.Net.Repository;

public sealed partial class ResticRepositoryReader
{
    private readonly TreeCache _treeCache;

    /// <summary>
    /// Lists the nodes of a snapshot as <c>restic ls</c> does and as <see cref="IResticClient.GetNodesAsync"/>
    /// returns them: each folder before its contents, in name order. With folders in
    /// <see cref="ListOptions.Paths"/>, only the trees on the way to them (and below them, when recursive) are read.
    /// </summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder.</param>
    /// <param name="options">Folders, recursion and the filter for <c>latest</c>; null lists the whole snapshot.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The nodes.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches the reference.</exception>
    /// <exception cref="ResticPathNotFoundException">The subfolder does not exist in the snapshot.</exception>
    public async IAsyncEnumerable<SnapshotNode> GetNodesAsync(
        SnapshotReference snapshot,
        ListOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new ListOptions();
        options.Validate();
        var folders = options.Paths.Select(NormalizeFolder).ToArray();
        var (root, basis) = await GetRootAsync(snapshot, options.Filter, cancellationToken).ConfigureAwait(false);

        // Depth first, each folder's nodes in stored (name) order: a stack of the folders being listed. The folders
        // it will enter are loaded ahead of it.
        using var prefetch = new TreePrefetch((id, token) => LoadTreeAsync(id, basis, token), cancellationToken);
        var stack = new Stack<(TreeNodeDto[] Nodes, int Next, string Path)>();
        stack.Push((await LoadTreeAsync(root, basis, cancellationToken).ConfigureAwait(false), 0, string.Empty));
        ScheduleSubfolders(prefetch, stack.Peek().Nodes, string.Empty, folders, options.Recursive);
        while (stack.Count > 0)
        {
            var (nodes, next, parent) = stack.Pop();
            if (next >= nodes.Length)
            {
                continue;
            }

            stack.Push((nodes, next + 1, parent));
            var node = nodes[next];
            var path = parent + "/" + node.Name;
            if (IsListed(path, folders, options.Recursive))
            {
                yield return NodeProjection.ToSnapshotNode(node, path);
            }

            if (node.Type == "dir" && node.Subtree is not null && IsEntered(path, folders, options.Recursive))
            {
                var subtree = ParseTreeId(node.Subtree, path);
                var children = await prefetch.GetAsync(subtree).ConfigureAwait(false);
                stack.Push((children, 0, path));
                ScheduleSubfolders(prefetch, children, path, folders, options.Recursive);
            }
        }
    }

    // The subfolders of a folder just read that the listing will enter, for loading ahead (ids that do not parse are
    // left to the walk, which reports them).
    private static void ScheduleSubfolders(TreePrefetch prefetch, TreeNodeDto[] nodes, string parent, string[] folders, bool recursive)
    {
        List<BlobId>? entered = null;
        foreach (var node in nodes)
        {
            if (node.Type == "dir" && node.Subtree is not null && BlobId.TryParse(node.Subtree, out var id) && IsEntered(parent + "/" + node.Name, folders, recursive))
            {
                (entered ??= []).Add(id);
            }
        }

        if (entered is not null)
        {
            prefetch.Schedule(entered);
        }
    }

    /// <summary>
    /// The root tree of a reference (the snapshot's, or its subfolder's), and the index the call begins with. The index
    /// is taken before the snapshot is resolved: a blob of that snapshot that no index lists while the index files are
    /// still those, is damage, never a prune that ran after the snapshot was resolved (<see cref="LocateBlobAsync"/>).
    /// </summary>
    private async Task<(BlobId Root, RepositoryIndex Basis)> GetRootAsync(SnapshotReference reference, SnapshotFilter? filter, CancellationToken cancellationToken)
    {
        var basis = await GetIndexAsync(cancellationToken).ConfigureAwait(false);
        var snapshot = await GetSnapshotAsync(reference, filter, cancellationToken).ConfigureAwait(false);
        return (await GetRootAsync(snapshot, reference.Subfolder, basis, cancellationToken).ConfigureAwait(false), basis);
    }

    /// <summary>The root tree of a snapshot, or of its subfolder.</summary>
    private async Task<BlobId> GetRootAsync(Snapshot snapshot, string? subfolder, RepositoryIndex basis, CancellationToken cancellationToken)
    {
        var root = ParseTreeId(snapshot.Tree, "/");
        if (subfolder is null)
        {
            return root;
        }

        var node = await FindNodeAsync(root, subfolder, basis, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return root; // the subfolder is the root itself
        }

        return node.Type == "dir" && node.Subtree is not null
            ? ParseTreeId(node.Subtree, subfolder)
            : throw new ResticPathNotFoundException(subfolder, $"{subfolder} is not a folder of snapshot {snapshot.Id.ToShortString()}.");
    }

    /// <summary>The node at a path below a tree; null for the tree itself (<c>/</c>).</summary>
    private async Task<TreeNodeDto?> FindNodeAsync(BlobId root, string path, RepositoryIndex basis, CancellationToken cancellationToken)
    {
        TreeNodeDto? found = null;
        var tree = root;
        var walked = string.Empty;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (found is not null)
            {
                if (found.Type != "dir" || found.Subtree is null)
                {
                    throw new ResticPathNotFoundException(path, $"{walked} is not a folder, so {path} does not exist in the snapshot.");
                }

                tree = ParseTreeId(found.Subtree, walked);
            }

            walked += "/" + name;
            var nodes = await LoadTreeAsync(tree, basis, cancellationToken).ConfigureAwait(false);
            found = FindByName(nodes, name, out var ambiguous) ?? throw new ResticPathNotFoundException(path, $"The snapshot has no {walked}.");
            if (ambiguous)
            {
                // Never one of them at random: restic cannot name either (its dump says not found).
                throw new ResticPathNotFoundException(
                    path,
                    $"The name {walked} is ambiguous: several entries of its folder read as this name, because their names differ only in bytes that are not UTF-8 (each read as U+FFFD). Restore the folder with restic to get each of them.");
            }
        }

        return found;
    }

    /// <summary>
    /// The node of a name. A tree's names are unique as bytes; as strings they are too, except names with bytes
    /// that are not UTF-8, which all read as U+FFFD: a name with U+FFFD is compared with every node, and
    /// <paramref name="ambiguous"/> tells that more than one matched.
    /// </summary>
    private static TreeNodeDto? FindByName(TreeNodeDto[] nodes, string name, out bool ambiguous)
    {
        ambiguous = false;
        if (name.Contains('\uFFFD', StringComparison.Ordinal))
        {
            TreeNodeDto? match = null;
            foreach (var node in nodes)
            {
                if (node.Name == name)
                {
                    ambiguous = match is not null;
                    if (ambiguous)
                    {
                        return match;
                    }

                    match = node;
                }
            }

            return match;
        }

        return FindByName(nodes, name);
    }

    // A tree's nodes are sorted by name (byte order, as Go compares strings).
    private static TreeNodeDto? FindByName(TreeNodeDto[] nodes, string name)
    {
        int low = 0, high = nodes.Length - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var order = string.CompareOrdinal(nodes[middle].Name, name);
            if (order == 0)
            {
                return nodes[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        // Not sorted as expected (names outside ASCII order differently in UTF-16): look at each.
        return Array.Find(nodes, node => node.Name == name);
    }

    private async Task<TreeNodeDto[]> LoadTreeAsync(BlobId id, RepositoryIndex basis, CancellationToken cancellationToken)
    {
        // Also for a cached tree: a listing in flight ends when the reader is disposed.
        ThrowIfDisposed();
        if (_treeCache.TryGet(id, out var cached))
        {
            return cached;
        }

        var (json, _, pack) = await LoadBlobAsync(id, BlobType.Tree, basis, cancellationToken).ConfigureAwait(false);
        TreeDto? tree;
        try
        {
            tree = JsonSerializer.Deserialize(json, RepositoryJsonContext.Default.TreeDto);
        }
        catch (JsonException exception)
        {
            throw new ResticRepositoryIntegrityException(pack, $"tree blob {id} is not a tree.", exception);
        }

        var nodes = tree?.Nodes ?? [];
        foreach (var node in nodes)
        {
            var quoted = node.Name;
            node.Name = quoted is null ? null : GoQuotedName.Unquote(quoted)
                ?? throw new ResticRepositoryIntegrityException(pack, $"tree blob {id} holds a name that is not a quoted Go string.");

            // Kept only where the name lost bytes: a diff pairs nodes by their exact bytes.
            if (node.Name is not null && node.Name.Contains('\uFFFD', StringComparison.Ordinal))
            {
                node.QuotedName = quoted;
            }
        }

        _treeCache.Add(id, nodes);
        return nodes;
    }

    private static BlobId ParseTreeId(string id, string path) =>
        BlobId.TryParse(id, out var tree) ? tree : throw new ResticRepositoryIntegrityException("index", $"the tree id of {path} is not 64 hex digits.");

    private static string NormalizeFolder(string folder)
    {
        if (!folder.StartsWith('/'))
        {
            throw new ArgumentException($"List folders by their absolute path inside the snapshot; got '{folder}'.", nameof(folder));
        }

        return folder.Length > 1 ? folder.TrimEnd('/') : folder;
    }

    // restic ls with folders: a folder itself and its children (everything below when recursive).
    private static bool IsListed(string path, string[] folders, bool recursive)
    {
        if (folders.Length == 0)
        {
            return true;
        }

        var parent = path.LastIndexOf('/') is var slash and > 0 ? path[..slash] : "/";
        foreach (var folder in folders)
        {
            if (path == folder || parent == folder || (recursive && IsBelow(path, folder)))
            {
                return true;
            }
        }

        return false;
    }

    // A folder is read when it leads to a listed folder, is one, or lies below one in a recursive listing.
    private static bool IsEntered(string path, string[] folders, bool recursive)
    {
        if (folders.Length == 0)
        {
            return true;
        }

        foreach (var folder in folders)
        {
            if (path == folder || IsBelow(folder, path) || (recursive && IsBelow(path, folder)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBelow(string path, string folder) =>
        folder == "/" || (path.Length > folder.Length && path[folder.Length] == '/' && path.StartsWith(folder, StringComparison.Ordinal));
}
