namespace Restic.Net.Samples.WebApi.Configuration;

/// <summary>The <c>Restic</c> configuration section: where restic is and which repositories exist from the start.</summary>
public sealed class ResticApiOptions
{
    public const string SectionName = "Restic";

    /// <summary>The restic executable; <c>restic</c> looks it up on PATH.</summary>
    public string BinaryPath { get; set; } = "restic";

    /// <summary>restic's cache folder; null for restic's default.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>How often a running backup or restore reports progress to job subscribers.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How many repository readers (one per repository and password) the read endpoints keep open, each holding a
    /// derived key and a loaded index; the least recently used is closed first.
    /// </summary>
    public int ReadCacheSize { get; set; } = 16;

    /// <summary>How long an unused reader stays open: its key is zeroed when it closes.</summary>
    public TimeSpan ReadCacheIdleTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often the web console measures each repository's size, deduplication and locks in the background (restic
    /// stats and the lock list, which take a shared lock for as long as they run).
    /// </summary>
    public TimeSpan MeasureInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Repositories known at start-up, by name. <c>POST /init</c> adds more at run time.</summary>
    public Dictionary<string, RepositoryRegistration> Repositories { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Folders that backups may read and restores may write below. Empty allows any absolute path,
    /// which is only sensible when every caller is a trusted administrator.
    /// </summary>
    public List<string> AllowedRoots { get; } = [];
}
