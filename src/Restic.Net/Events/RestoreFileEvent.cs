namespace Restic.Net;

/// <summary>A file was restored, updated, left unchanged or deleted (restic 0.17+, with <see cref="RestoreOptions.IncludeFileEvents"/>).</summary>
public sealed record RestoreFileEvent : RestoreEvent
{
    /// <summary>What restic did.</summary>
    public FileAction Action { get; init; }

    /// <summary>The path.</summary>
    public string Item { get; init; } = string.Empty;

    /// <summary>The file's size.</summary>
    public long Size { get; init; }
}
