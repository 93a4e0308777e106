namespace Restic.Net;

/// <summary>One path that differs between two snapshots (<c>restic diff</c>).</summary>
public sealed record DiffChange
{
    /// <summary>The path; directories end in <c>/</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>restic's modifier: a combination of <c>+</c> added, <c>-</c> removed, <c>T</c> type changed, <c>M</c> content changed, <c>U</c> metadata changed (with <see cref="DiffOptions.IncludeMetadata"/>) and <c>?</c> content changed but metadata identical (restic 0.17+; possible bit rot).</summary>
    public string Modifier { get; init; } = string.Empty;

    /// <summary>The path exists only in the second snapshot.</summary>
    public bool IsAdded => Modifier.Contains('+', StringComparison.Ordinal);

    /// <summary>The path exists only in the first snapshot.</summary>
    public bool IsRemoved => Modifier.Contains('-', StringComparison.Ordinal);

    /// <summary>The node's type changed (for example file to symlink).</summary>
    public bool IsTypeChanged => Modifier.Contains('T', StringComparison.Ordinal);

    /// <summary>The file's content changed.</summary>
    public bool IsContentChanged => Modifier.Contains('M', StringComparison.Ordinal);

    /// <summary>Only the metadata changed.</summary>
    public bool IsMetadataChanged => Modifier.Contains('U', StringComparison.Ordinal);

    /// <summary>The content changed although the metadata did not: a sign of bit rot in the source (restic 0.17+).</summary>
    public bool IsPossibleBitRot => Modifier.Contains('?', StringComparison.Ordinal);

    /// <summary>Whether the path is a directory.</summary>
    public bool IsDirectory => Path.EndsWith('/');
}
