namespace Restic.Net;

/// <summary>A file restic could not restore; the restore went on and fails at its end.</summary>
public sealed record RestoreError
{
    /// <summary>The path restic reported.</summary>
    public string Item { get; init; } = string.Empty;

    /// <summary>The error text.</summary>
    public string? Message { get; init; }
}
