using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Restic.Net.Execution;

/// <summary>
/// The answer of <c>restic version</c>, shared by every client of the process that runs the same
/// executable the same way. An application that creates a client per request (the web API sample
/// does) would otherwise start <c>restic version</c> on every request (15–35 ms each). The key is the
/// executable's full path, size and modification time plus the variables <c>version</c> runs with
/// (which hold neither the repository nor its password), so a replaced binary, or another wrapper,
/// is asked again. A failed query is not kept.
/// </summary>
internal static class VersionCache
{
    private static readonly ConcurrentDictionary<string, Task<ResticVersion>> s_versions = new(StringComparer.Ordinal);

    /// <summary>The shared answer for <paramref name="key"/>, querying once; null key: no sharing.</summary>
    public static Task<ResticVersion> GetOrQuery(string? key, Func<Task<ResticVersion>> query)
    {
        if (key is null)
        {
            return query();
        }

        var cached = s_versions.GetOrAdd(key, _ => Forgetting(key, query()));
        if (cached.IsFaulted || cached.IsCanceled)
        {
            // A failed query (restic missing a moment ago, a timeout) is asked again, once per caller.
            s_versions.TryRemove(new KeyValuePair<string, Task<ResticVersion>>(key, cached));
            cached = s_versions.GetOrAdd(key, _ => Forgetting(key, query()));
        }

        return cached;
    }

    /// <summary>Drops a query from the cache when it fails, so that the next caller asks again.</summary>
    private static Task<ResticVersion> Forgetting(string key, Task<ResticVersion> query)
    {
        _ = query.ContinueWith(
            failed => s_versions.TryRemove(new KeyValuePair<string, Task<ResticVersion>>(key, failed)),
            CancellationToken.None,
            TaskContinuationOptions.NotOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return query;
    }

    /// <summary>The key of an executable and its environment; null when the executable cannot be found (nothing is shared then).</summary>
    public static string? KeyFor(string binaryPath, IReadOnlyDictionary<string, string?> environment)
    {
        if (Resolve(binaryPath) is not { } file)
        {
            return null;
        }

        var text = new StringBuilder().Append(file.FullName).Append('\n').Append(file.Length).Append('\n').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        foreach (var (name, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (name != "RESTIC_PROGRESS_FPS")
            {
                text.Append(name).Append('=').Append(value).Append('\n');
            }
        }

        // Hashed: the key stays in memory only, but it need not hold the values themselves.
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static FileInfo? Resolve(string binaryPath)
    {
        if (binaryPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(binaryPath))
        {
            var file = new FileInfo(Path.GetFullPath(binaryPath));
            return file.Exists ? file : null;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var file = new FileInfo(Path.Combine(folder, binaryPath));
            if (file.Exists)
            {
                return file;
            }
        }

        return null;
    }
}
