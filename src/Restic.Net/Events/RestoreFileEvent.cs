namespace Restic.Net;

/// <summary>A file was restored, updated, left unchanged or deleted (restic 0.17+, with <see cref="RestoreOptions.IncludeFileEvents"/>).</summary>
/// <param name="Action">What restic did.</param>
/// <param name="Item">The path.</param>
/// <param name="Size">The file's size.</param>
public sealed record RestoreFileEvent(FileAction Action, string Item, ulong Size) : RestoreEvent;
