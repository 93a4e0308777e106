namespace Restic.Net;

/// <summary>Options of <c>diff</c>.</summary>
public sealed record DiffOptions
{
    /// <summary>Also reports paths whose metadata alone changed (<c>--metadata</c>; modifier <c>U</c>).</summary>
    public bool IncludeMetadata { get; init; }
}
