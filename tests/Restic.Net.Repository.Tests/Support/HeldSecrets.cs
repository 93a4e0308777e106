using System.Reflection;

namespace Restic.Net.Repository.Tests.Support;

/// <summary>
/// What an object (a client, a reader) holds in memory, found by walking its fields: the arrays of every master key
/// and every <see cref="HttpClient"/>. Read before disposal; the arrays are zeroed in place, so a test can look again after.
/// </summary>
internal static class HeldSecrets
{
    private const string MasterKeyType = "Restic.Net.Repository.Crypto.MasterKey";

    /// <summary>The byte arrays of every master key reachable from <paramref name="root"/>.</summary>
    public static IReadOnlyList<byte[]> KeyArrays(object root) =>
        Reachable(root).Where(o => o.GetType().FullName == MasterKeyType).SelectMany(key => Fields(key).Select(f => f.GetValue(key)).OfType<byte[]>()).ToList();

    /// <summary>Every <see cref="HttpClient"/> reachable from <paramref name="root"/>.</summary>
    public static IReadOnlyList<HttpClient> HttpClients(object root) => Reachable(root).OfType<HttpClient>().ToList();

    /// <summary>True when the client was disposed (its methods then throw <see cref="ObjectDisposedException"/>).</summary>
    public static bool IsDisposed(HttpClient client)
    {
        try
        {
            client.CancelPendingRequests();
            return false;
        }
        catch (ObjectDisposedException)
        {
            return true;
        }
    }

    // The library's own objects, followed through their fields; a key or an HttpClient is collected, not entered.
    private static IEnumerable<object> Reachable(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([root]);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            yield return current;
            if (current is HttpClient || current.GetType().FullName == MasterKeyType || current.GetType().Namespace?.StartsWith("Restic.Net", StringComparison.Ordinal) != true)
            {
                continue;
            }

            foreach (var field in Fields(current))
            {
                if (!field.FieldType.IsValueType && field.GetValue(current) is { } value && value is not string)
                {
                    pending.Push(value);
                }
            }
        }
    }

    private static IEnumerable<FieldInfo> Fields(object value)
    {
        for (var type = value.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }
}
