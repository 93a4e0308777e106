namespace Restic.Net;

/// <summary>A file restic could not restore; the restore went on and fails at its end.</summary>
/// <param name="Item">The path restic reported.</param>
/// <param name="Message">The error text.</param>
public sealed record RestoreError(string Item, string? Message);
