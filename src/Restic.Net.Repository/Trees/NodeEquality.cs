using System.Text;
using Restic.Net.Repository.Format;

namespace Restic.Net.Repository.Trees;

/// <summary>
/// restic's <c>Node.Equals</c>, which <c>restic diff</c> uses for <c>U</c> (metadata changed) and <c>?</c> (content
/// changed, all else equal): every stored field, times as instants, extended attributes as a set, generic
/// attributes by their JSON text. A field restic omits when empty equals its empty value.
/// </summary>
internal static class NodeEquality
{
    /// <summary>Whether two nodes of the same name are equal; <paramref name="ignoreContent"/> leaves out the content (restic's bit-rot check).</summary>
    public static bool AreEqual(TreeNodeDto left, TreeNodeDto right, bool ignoreContent) =>
        left.Type == right.Type &&
        left.Mode == right.Mode &&
        left.Mtime == right.Mtime &&
        left.Atime == right.Atime &&
        left.Ctime == right.Ctime &&
        left.Uid == right.Uid &&
        left.Gid == right.Gid &&
        Same(left.User, right.User) &&
        Same(left.Group, right.Group) &&
        left.Inode == right.Inode &&
        left.DeviceId == right.DeviceId &&
        left.Size == right.Size &&
        left.Links == right.Links &&
        SameLinkTarget(left, right) &&
        left.Device == right.Device &&
        (ignoreContent || SameContent(left.Content, right.Content)) &&
        SameExtendedAttributes(left.ExtendedAttributes, right.ExtendedAttributes) &&
        SameGenericAttributes(left.GenericAttributes, right.GenericAttributes) &&
        left.Subtree == right.Subtree &&
        Same(left.Error, right.Error);

    /// <summary>
    /// Whether two nodes of one path hold the same content, for a file history: the type and what restic stored as the
    /// content (a file's data blobs, a folder's tree, a link's target, a device's number); metadata is left out.
    /// </summary>
    public static bool SameVersion(TreeNodeDto left, TreeNodeDto right) =>
        left.Type == right.Type &&
        SameContent(left.Content, right.Content) &&
        string.Equals(left.Subtree, right.Subtree, StringComparison.OrdinalIgnoreCase) &&
        SameLinkTarget(left, right) &&
        left.Device == right.Device;

    /// <summary>restic compares the content lists as values: null (a folder's) differs from empty (an empty file's).</summary>
    public static bool SameContent(string[]? left, string[]? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (!string.Equals(left[i], right[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(string? left, string? right) => string.Equals(left ?? string.Empty, right ?? string.Empty, StringComparison.Ordinal);

    // restic reads linktarget_raw in place of linktarget: the target's bytes.
    private static bool SameLinkTarget(TreeNodeDto left, TreeNodeDto right)
    {
        if (left.LinktargetRaw is null && right.LinktargetRaw is null)
        {
            return Same(left.Linktarget, right.Linktarget);
        }

        return LinkTargetBytes(left).AsSpan().SequenceEqual(LinkTargetBytes(right));
    }

    private static byte[] LinkTargetBytes(TreeNodeDto node) => node.LinktargetRaw ?? Encoding.UTF8.GetBytes(node.Linktarget ?? string.Empty);

    // As a set by name (the last of a repeated name counts), each value byte for byte.
    private static bool SameExtendedAttributes(TreeNodeAttributeDto[]? left, TreeNodeAttributeDto[]? right)
    {
        var count = left?.Length ?? 0;
        if (count != (right?.Length ?? 0))
        {
            return false;
        }

        if (count == 0)
        {
            return true;
        }

        var values = new Dictionary<string, (byte[] Value, bool Present)>(StringComparer.Ordinal);
        foreach (var attribute in left!)
        {
            values[attribute.Name ?? string.Empty] = (attribute.Value ?? [], false);
        }

        foreach (var attribute in right!)
        {
            var name = attribute.Name ?? string.Empty;
            if (!values.TryGetValue(name, out var value) || !value.Value.AsSpan().SequenceEqual(attribute.Value ?? []))
            {
                return false;
            }

            values[name] = (value.Value, true);
        }

        return values.Values.All(value => value.Present);
    }

    private static bool SameGenericAttributes(Dictionary<string, System.Text.Json.JsonElement>? left, Dictionary<string, System.Text.Json.JsonElement>? right)
    {
        if ((left?.Count ?? 0) != (right?.Count ?? 0))
        {
            return false;
        }

        if (left is null || right is null)
        {
            return true;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || value.GetRawText() != other.GetRawText())
            {
                return false;
            }
        }

        return true;
    }
}
