namespace Restic.Net;

/// <summary>Counts of one side of a <c>diff</c>.</summary>
public sealed record DiffCounts
{
    /// <summary>Files.</summary>
    public long Files { get; init; }

    /// <summary>Directories.</summary>
    public long Directories { get; init; }

    /// <summary>Other nodes (symlinks, devices, ...).</summary>
    public long Others { get; init; }

    /// <summary>Data blobs.</summary>
    public long DataBlobs { get; init; }

    /// <summary>Tree blobs.</summary>
    public long TreeBlobs { get; init; }

    /// <summary>The size of the blobs in bytes.</summary>
    public long Bytes { get; init; }
}
