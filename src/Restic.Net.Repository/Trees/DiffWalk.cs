using Restic.Net.Repository.Format;
using Restic.Net.Repository.Index;

namespace Restic.Net.Repository.Trees;

/// <summary>
/// What one diff gathers as it walks, as <c>restic diff</c> does: the blobs each side references (the blobs of every
/// node it visits, the root trees included), the subtrees both sides share (whose blobs count as common), the files
/// whose content changed, and the nodes only one side has.
/// </summary>
internal sealed class DiffWalk(bool includeMetadata)
{
    public HashSet<BlobHandle> Before { get; } = [];

    public HashSet<BlobHandle> After { get; } = [];

    /// <summary>The ids of the subtrees both sides share; their blobs are gathered only if the totals need them.</summary>
    public HashSet<BlobId> SharedTrees { get; } = [];

    public long ChangedFiles { get; private set; }

    public DiffTally Added { get; } = new();

    public DiffTally Removed { get; } = new();

    /// <summary>
    /// restic's modifier for a name both sides have: <c>T</c> for another type, <c>M</c> for a file with other content
    /// (and <c>?</c> when nothing else changed: possible bit rot), else <c>U</c> for other metadata when asked; empty
    /// when nothing is reported.
    /// </summary>
    public string Modifier(TreeNodeDto left, TreeNodeDto right)
    {
        var typeChanged = left.Type != right.Type;
        if (left.Type == "file" && right.Type == "file" && !NodeEquality.SameContent(left.Content, right.Content))
        {
            ChangedFiles++;
            return NodeEquality.AreEqual(left, right, ignoreContent: true) ? "M?" : "M";
        }

        var metadata = includeMetadata && !NodeEquality.AreEqual(left, right, ignoreContent: false);
        return (typeChanged, metadata) switch
        {
            (true, true) => "TU",
            (true, false) => "T",
            (false, true) => "U",
            _ => string.Empty,
        };
    }

    /// <summary>Adds a node's blobs to a set: a file's content, a folder's tree.</summary>
    public static void AddBlobs(HashSet<BlobHandle> blobs, TreeNodeDto? node, string path)
    {
        switch (node?.Type)
        {
            case "file":
                foreach (var content in node.Content ?? [])
                {
                    blobs.Add(new BlobHandle(ParseBlob(content, path), BlobType.Data));
                }

                break;
            case "dir":
                blobs.Add(new BlobHandle(ParseBlob(node.Subtree, path), BlobType.Tree));
                break;
        }
    }

    public static BlobId ParseBlob(string? id, string path) =>
        BlobId.TryParse(id, out var blob) ? blob : throw new ResticRepositoryIntegrityException("index", $"a blob id of {path} is not 64 hex digits.");
}
