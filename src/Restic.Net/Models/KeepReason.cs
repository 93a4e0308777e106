namespace Restic.Net;

/// <summary>Why <c>forget</c> kept a snapshot.</summary>
/// <param name="SnapshotTime">The time of the kept snapshot.</param>
/// <param name="SnapshotId">
/// The kept snapshot. restic before 0.17 does not print it; the client then takes the kept snapshot
/// with the same time, and it is null only if several share that time.
/// </param>
/// <param name="Matches">The rules that matched, for example <c>daily snapshot</c> or <c>last snapshot</c>.</param>
public sealed record KeepReason(DateTimeOffset SnapshotTime, SnapshotId? SnapshotId, IReadOnlyList<string> Matches);
