namespace Restic.Net;

/// <summary>Options of <c>prune</c>.</summary>
public sealed record PruneOptions
{
    /// <summary>Reports what would be removed without changing the repository (<c>--dry-run</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>Unused space tolerated, for example <c>5%</c> or <c>1G</c> (<c>--max-unused</c>).</summary>
    public string? MaxUnused { get; init; }

    /// <summary>The most data to repack, for example <c>2G</c> (<c>--max-repack-size</c>).</summary>
    public string? MaxRepackSize { get; init; }

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
        Guard.NoNul(MaxUnused);
        Guard.NoNul(MaxRepackSize);
    }
}
