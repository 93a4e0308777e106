namespace Restic.Net;

/// <summary>What snapshots are grouped by (restic's <c>--group-by</c>); combine the flags.</summary>
[Flags]
public enum SnapshotGrouping
{
    /// <summary>No grouping: one group holds every snapshot.</summary>
    None = 0,

    /// <summary>By host name.</summary>
    Host = 1,

    /// <summary>By the set of backed-up paths.</summary>
    Paths = 2,

    /// <summary>By the set of tags.</summary>
    Tags = 4,
}
