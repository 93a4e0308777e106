using System.Text;
using Restic.Net.Repository.Format;

namespace Restic.Net.Repository.Trees;

/// <summary>
/// Orders nodes by their names' bytes, as Go compares strings and as restic sorts a tree. For UTF-8 names that is
/// code-point order, which differs from .NET's ordinal (UTF-16) order only between surrogates and U+E000–U+FFFF;
/// a name that is not UTF-8 is compared by the bytes it was stored with.
/// </summary>
internal static class NodeNameOrder
{
    public static int Compare(TreeNodeDto left, TreeNodeDto right)
    {
        if (left.QuotedName is null && right.QuotedName is null)
        {
            return CompareCodePoints(left.Name ?? string.Empty, right.Name ?? string.Empty);
        }

        return Bytes(left).AsSpan().SequenceCompareTo(Bytes(right));
    }

    private static byte[] Bytes(TreeNodeDto node) =>
        node.QuotedName is { } quoted ? GoQuotedName.UnquoteToBytes(quoted) ?? [] : Encoding.UTF8.GetBytes(node.Name ?? string.Empty);

    private static int CompareCodePoints(string left, string right)
    {
        var length = Math.Min(left.Length, right.Length);
        for (var i = 0; i < length; i++)
        {
            if (left[i] != right[i])
            {
                return Shift(left[i]) - Shift(right[i]);
            }
        }

        return left.Length - right.Length;
    }

    // Surrogates (code points above U+FFFF) move above U+E000–U+FFFF; everything else keeps its place.
    private static int Shift(char c) => c switch
    {
        >= '\uD800' and < '\uE000' => c + 0x2000,
        >= '\uE000' => c - 0x800,
        _ => c,
    };
}
