using Restic.Net.Samples.WebApi.Problems;

namespace Restic.Net.Samples.WebApi.Console;

/// <summary>
/// A path inside a snapshot, as the console's URLs carry it (<c>?path=/home/ann</c>): absolute, in restic's
/// spelling, and unable to leave the snapshot. <c>.</c> and <c>..</c> segments, empty segments, NUL and backslash
/// escapes are refused rather than resolved, so that one path names one node and no link can point above the root.
/// </summary>
internal static class SnapshotPath
{
    public const string Root = "/";
    private const int MaxLength = 4096;

    /// <summary>The checked path; a 400 problem for anything else.</summary>
    public static string Check(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return Root;
        }

        if (path.Length > MaxLength || path[0] != '/' || path.Contains('\0', StringComparison.Ordinal))
        {
            throw ApiProblemException.Invalid("path", "path must be an absolute path inside the snapshot, such as /home/ann, without NUL.");
        }

        if (path == Root)
        {
            return Root;
        }

        foreach (var segment in path[1..].Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw ApiProblemException.Invalid("path", "path must not hold empty, '.' or '..' segments: a path names one node inside the snapshot.");
            }
        }

        return path;
    }

    /// <summary>The folders from the root down to <paramref name="path"/>, each with its name, for breadcrumbs.</summary>
    public static IReadOnlyList<(string Name, string Path)> Crumbs(string path)
    {
        var crumbs = new List<(string, string)> { ("/", Root) };
        if (path == Root)
        {
            return crumbs;
        }

        var at = 0;
        while ((at = path.IndexOf('/', at + 1)) > 0)
        {
            crumbs.Add((path[(path.LastIndexOf('/', at - 1) + 1)..at], path[..at]));
        }

        crumbs.Add((path[(path.LastIndexOf('/') + 1)..], path));
        return crumbs;
    }

    /// <summary>The folder holding <paramref name="path"/>.</summary>
    public static string Parent(string path)
    {
        var at = path.LastIndexOf('/');
        return at <= 0 ? Root : path[..at];
    }

    /// <summary>
    /// A file name a browser saves safely: the node's name without control characters, quotes, slashes or backslashes
    /// (each becomes <c>_</c>), never empty, dot-only or longer than 200 characters. The header encodes the rest.
    /// </summary>
    public static string DownloadName(string name)
    {
        var chars = name.Select(c => char.IsControl(c) || c is '"' or '/' or '\\' or '\u2028' or '\u2029' ? '_' : c).ToArray();
        var safe = new string(chars).Trim();
        if (safe.Length == 0 || safe.All(c => c == '.'))
        {
            safe = "download";
        }

        return safe.Length > 200 ? safe[..200] : safe;
    }
}
