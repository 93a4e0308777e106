namespace Restic.Net;

/// <summary>Options of <c>repair index</c>.</summary>
public sealed record RepairIndexOptions
{
    /// <summary>Reads every pack file instead of trusting the existing index (<c>--read-all-packs</c>); slow.</summary>
    public bool ReadAllPacks { get; init; }
}
