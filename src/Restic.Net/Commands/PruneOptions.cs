namespace Restic.Net;

/// <summary>Options of <c>prune</c>.</summary>
public sealed record PruneOptions
{
    /// <summary>Reports what would be removed without changing the repository (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// The unused space tolerated (<c>--max-unused</c>): <see cref="Restic.Net.MaxUnused.Percent"/>,
    /// <see cref="Restic.Net.MaxUnused.Bytes"/> or <see cref="Restic.Net.MaxUnused.Unlimited"/>; null for restic's default, 5%.
    /// </summary>
    public MaxUnused? MaxUnused { get; init; }

    /// <summary>The most data to repack, in bytes (<c>--max-repack-size</c>); above 0, null for no limit.</summary>
    public long? MaxRepackSize { get; init; }

    /// <summary>Only repacks packs that are cached (<c>--repack-cacheable-only</c>).</summary>
    public bool RepackCacheableOnly { get; init; }

    /// <summary>
    /// Repacks small packs too (<c>--repack-small</c>). restic 0.19+ does so by default and deprecates the
    /// flag: the client then leaves it out.
    /// </summary>
    public bool RepackSmall { get; init; }

    /// <summary>Repacks uncompressed data (<c>--repack-uncompressed</c>).</summary>
    public bool RepackUncompressed { get; init; }

    internal void Validate()
    {
        if (MaxUnused is { IsEmpty: true })
        {
            throw new ArgumentException("MaxUnused is default(MaxUnused): use MaxUnused.Percent, Bytes, Unlimited or Parse, or null for restic's default.", nameof(MaxUnused));
        }

        Guard.Positive(MaxRepackSize);
    }
}
