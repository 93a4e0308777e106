namespace Restic.Net.Samples.WebApi.Repositories;

/// <summary>
/// Where an absolute path leads on this machine, with every symbolic link on the way followed (at any
/// depth, relative or absolute, chains of them) and <c>..</c> applied to what the path led to so far, as
/// the kernel does. Parts that do not exist yet are kept as written, so a restore target that restic will
/// create is judged by the real folder it will be created in.
/// </summary>
internal static class RealPath
{
    /// <summary>As Linux: more links than this on one path is a loop (ELOOP).</summary>
    private const int MaxLinks = 40;

    public static string Resolve(string absolutePath)
    {
        var root = Path.GetPathRoot(absolutePath) ?? throw new ArgumentException("The path is not absolute.", nameof(absolutePath));
        var pending = new Stack<string>();
        Push(pending, absolutePath[root.Length..]);
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current; // ".." of the root is the root
                continue;
            }

            var next = Path.Join(current, part);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"Too many levels of symbolic links at '{next}'.");
                }

                // The rest of the path continues from where the link points.
                Push(pending, Path.IsPathRooted(target) ? target[(Path.GetPathRoot(target)?.Length ?? 0)..] : target);
                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target)!;
                }

                continue;
            }

            current = next;
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or below it (both resolved).</summary>
    public static bool IsAtOrBelow(string path, string folder)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(folder);
        return string.Equals(path, trimmed, StringComparison.Ordinal) ||
            path.StartsWith(trimmed.EndsWith(Path.DirectorySeparatorChar) ? trimmed : trimmed + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    private static void Push(Stack<string> pending, string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var i = parts.Length - 1; i >= 0; i--)
        {
            pending.Push(parts[i]);
        }
    }
}
