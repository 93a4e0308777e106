using Restic.Net.Repository.Format;

namespace Restic.Net.Repository.Trees;

/// <summary>
/// A folder a diff is in: a pair of trees being compared (both present), or one side's tree whose every node is
/// reported with <see cref="Modifier"/> (<c>+</c> or <c>-</c>). Folders nest as a stack, so changes come depth first.
/// </summary>
internal sealed class DiffFrame
{
    private readonly TreeNodeDto[] _left;
    private readonly TreeNodeDto[] _right;
    private int _nextLeft;
    private int _nextRight;

    private DiffFrame(string prefix, TreeNodeDto[] left, TreeNodeDto[] right, string? modifier)
    {
        Prefix = prefix;
        _left = left;
        _right = right;
        Modifier = modifier;
    }

    /// <summary>The folder's path, ending in <c>/</c>.</summary>
    public string Prefix { get; }

    /// <summary>Null for a compared pair; <c>+</c> or <c>-</c> for a folder only one side has.</summary>
    public string? Modifier { get; }

    public static DiffFrame Compare(string prefix, TreeNodeDto[] left, TreeNodeDto[] right) => new(prefix, left, right, null);

    public static DiffFrame OneSided(string prefix, TreeNodeDto[] nodes, string modifier) => new(prefix, nodes, [], modifier);

    /// <summary>The next name of the merged, name-ordered lists: the node of each side that has it; false when done.</summary>
    public bool TryNext(out TreeNodeDto? left, out TreeNodeDto? right)
    {
        left = _nextLeft < _left.Length ? _left[_nextLeft] : null;
        right = _nextRight < _right.Length ? _right[_nextRight] : null;
        if (left is not null && right is not null)
        {
            var order = NodeNameOrder.Compare(left, right);
            if (order < 0)
            {
                right = null;
            }
            else if (order > 0)
            {
                left = null;
            }
        }

        _nextLeft += left is null ? 0 : 1;
        _nextRight += right is null ? 0 : 1;
        return left is not null || right is not null;
    }

    /// <summary>The path of a node in this folder; folders end in <c>/</c>.</summary>
    public string PathOf(TreeNodeDto node, bool isFolder) => Prefix + node.Name + (isFolder ? "/" : string.Empty);
}
