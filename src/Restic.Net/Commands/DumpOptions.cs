namespace Restic.Net;

/// <summary>Options of <c>dump</c>.</summary>
public sealed record DumpOptions
{
    /// <summary>
    /// The archive format for a folder (<c>--archive</c>); null for restic's default (tar). A single
    /// file is always written as its plain content.
    /// </summary>
    public DumpArchiveFormat? Archive { get; init; }

    /// <summary>Narrows which snapshot <c>latest</c> means (<c>--host</c>, <c>--tag</c>, <c>--path</c>).</summary>
    public SnapshotFilter? Filter { get; init; }

    internal void Validate()
    {
        if (Archive is { } archive)
        {
            Guard.NotNullOrEmptyNoNul(archive.Value, nameof(Archive));
        }
    }
}
