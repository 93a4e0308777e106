using Restic.Net.CommandLines;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual async Task<CacheInfo> GetCacheAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        var (run, output) = await RunBufferedAsync(WithCacheDirectory(ResticCommands.Cache()), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return ParseText(run, output.StandardOutputLines, TextOutput.ParseCache);
    }

    /// <inheritdoc />
    public virtual async Task<CacheCleanupResult> CleanupCacheAsync(CacheCleanupOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new CacheCleanupOptions();
        options.Validate();
        var (run, output) = await RunBufferedAsync(WithCacheDirectory(ResticCommands.CacheCleanup(options)), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return ParseText(run, output.StandardOutputLines, TextOutput.ParseCacheCleanup);
    }

    /// <summary><c>cache</c> opens no repository, so it runs without the repository's variables, except the cache folder.</summary>
    private ResticCommand WithCacheDirectory(ResticCommand command) =>
        _executor.Settings.RepositoryEnvironment.TryGetValue("RESTIC_CACHE_DIR", out var cache) && cache is not null
            ? command with { Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["RESTIC_CACHE_DIR"] = cache } }
            : command;
}
