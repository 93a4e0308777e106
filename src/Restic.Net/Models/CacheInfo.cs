namespace Restic.Net;

/// <summary>restic's local cache (<c>restic cache</c>): one folder per repository that was used from this machine.</summary>
public sealed record CacheInfo
{
    /// <summary>
    /// The cache folder restic reported: the folder of the table, or its base folder when there is no cache
    /// yet ("no cache dirs found, basedir is …"). <see cref="IResticClient.GetCacheAsync"/> always sets it.
    /// </summary>
    public string? Directory { get; init; }

    /// <summary>The repositories' cache folders.</summary>
    public IReadOnlyList<CacheEntry> Entries { get => field ?? ValueList<CacheEntry>.Empty; init => field = ValueList.Of(value, nameof(Entries)); }
}
