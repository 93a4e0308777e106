namespace Restic.Net;

/// <summary>
/// A typed client for one restic repository. Every method runs the restic executable, maps its
/// output to typed results and its failures to <see cref="ResticException"/> subtypes, and treats
/// its <see cref="CancellationToken"/> as graceful: restic gets SIGINT so that it removes its lock.
/// </summary>
/// <remarks>
/// Kept small on purpose: convenience overloads are extension methods (<see cref="ResticClientExtensions"/>),
/// so that adding one never breaks a hand-written fake.
/// </remarks>
public interface IResticClient
{
    /// <summary>
    /// The repository the client works on. Its <see cref="ResticRepository.ToString"/> and
    /// <see cref="ResticRepository.RedactedLocation"/> hide credentials and are safe to log.
    /// </summary>
    ResticRepository Repository { get; }

    /// <summary>Reports the installed restic's version and capabilities (<c>restic version</c>). Cached per client.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version.</returns>
    Task<ResticVersion> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the repository (<c>restic init</c>) and reads its identity.</summary>
    /// <param name="options">Options, or null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new repository's id and format version.</returns>
    /// <exception cref="ResticCommandException">The repository exists already, or restic failed otherwise.</exception>
    Task<RepositoryInfo> InitAsync(InitOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Backs up files and folders (<c>restic backup</c>) and reports progress.</summary>
    /// <param name="paths">The files and folders to back up; at least one.</param>
    /// <param name="options">Tags, excludes and other options; null for restic's defaults.</param>
    /// <param name="progress">Receives coalesced progress reports; may be null.</param>
    /// <param name="cancellationToken">Cancels the backup gracefully; no snapshot is created.</param>
    /// <returns>The summary. Unreadable files make it incomplete (<see cref="BackupSummary.IsComplete"/>), not an exception.</returns>
    /// <exception cref="ArgumentException">No path, or an empty path or one with a NUL character.</exception>
    Task<BackupSummary> BackupAsync(IReadOnlyList<string> paths, BackupOptions? options = null, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Backs up files and folders and streams restic's events; the last one is a <see cref="BackupCompletedEvent"/>.</summary>
    /// <param name="paths">The files and folders to back up; at least one.</param>
    /// <param name="options">Tags, excludes and other options; null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the backup gracefully.</param>
    /// <returns>The events. A failed backup throws at the end of the enumeration.</returns>
    IAsyncEnumerable<BackupEvent> StreamBackupAsync(IReadOnlyList<string> paths, BackupOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Lists snapshots (<c>restic snapshots</c>), oldest first.</summary>
    /// <param name="options">Which snapshots; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshots.</returns>
    Task<IReadOnlyList<Snapshot>> GetSnapshotsAsync(SnapshotsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finds the one snapshot a reference names (<c>restic snapshots ID</c>): a full id, an id prefix, or
    /// <see cref="SnapshotReference.Latest"/> narrowed by <paramref name="filter"/>.
    /// </summary>
    /// <param name="snapshot">The snapshot; without a subfolder.</param>
    /// <param name="filter">Narrows which snapshot <c>latest</c> means (host, tags, paths); null for any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches (an empty repository has no <c>latest</c>), or a prefix matches several.</exception>
    /// <exception cref="ArgumentException">The reference is empty or names a subfolder.</exception>
    Task<Snapshot> GetSnapshotAsync(SnapshotReference snapshot, SnapshotFilter? filter = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists snapshots in groups (<c>restic snapshots --group-by</c>). With <see cref="SnapshotsOptions.Latest"/>,
    /// each group holds its newest N snapshots, on every restic version (before 0.19, restic applied
    /// <c>--latest</c> per host and paths inside each group).
    /// </summary>
    /// <param name="groupBy">What to group by; <see cref="SnapshotGrouping.None"/> for one group.</param>
    /// <param name="options">Which snapshots; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The groups, ordered by host, paths and tags; each group's snapshots oldest first.</returns>
    Task<IReadOnlyList<SnapshotGroup>> GetSnapshotGroupsAsync(SnapshotGrouping groupBy, SnapshotsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Restores a snapshot (<c>restic restore</c>) and reports progress (restic 0.16+).</summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder (restic 0.16+).</param>
    /// <param name="target">The folder to restore into; created if missing.</param>
    /// <param name="options">Includes, excludes and other options; null restores everything.</param>
    /// <param name="progress">Receives coalesced progress reports (restic 0.16+); may be null.</param>
    /// <param name="cancellationToken">Cancels the restore gracefully.</param>
    /// <returns>The summary; without statistics on restic 0.14 and 0.15.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches the reference.</exception>
    Task<RestoreSummary> RestoreAsync(SnapshotReference snapshot, string target, RestoreOptions? options = null, IProgress<RestoreProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Restores a snapshot and streams restic's events; the last one is a <see cref="RestoreCompletedEvent"/>.</summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder (restic 0.16+).</param>
    /// <param name="target">The folder to restore into; created if missing.</param>
    /// <param name="options">Includes, excludes and other options; null restores everything.</param>
    /// <param name="cancellationToken">Cancels the restore gracefully.</param>
    /// <returns>The events. A failed restore throws at the end of the enumeration.</returns>
    IAsyncEnumerable<RestoreEvent> StreamRestoreAsync(SnapshotReference snapshot, string target, RestoreOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes snapshots by a retention policy (<c>restic forget</c>), optionally pruning afterwards.</summary>
    /// <param name="policy">Which snapshots to keep; <see cref="RetentionPolicy.Default"/> keeps 7 daily, 4 weekly, 6 monthly and 2 yearly snapshots.</param>
    /// <param name="options">Grouping, filter, pruning and dry run; null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>What was kept and removed per group, and why.</returns>
    Task<ForgetResult> ForgetAsync(RetentionPolicy policy, ForgetOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes data no snapshot references (<c>restic prune</c>).</summary>
    /// <param name="options">Options, or null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>What was removed and what remains.</returns>
    Task<PruneResult> PruneAsync(PruneOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Checks the repository's integrity (<c>restic check</c>).</summary>
    /// <param name="options">Options, or null for the structural check only.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>The result; errors found are listed in it, not thrown.</returns>
    Task<CheckResult> CheckAsync(CheckOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Counts the repository's contents (<c>restic stats</c>), with the deduplication ratio by default.</summary>
    /// <param name="options">Mode and selection, or null for restore-size over all snapshots.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The statistics.</returns>
    Task<RepositoryStats> GetStatsAsync(StatsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes stale locks, or all locks (<c>restic unlock</c>).</summary>
    /// <param name="options">Options, or null to remove stale locks only.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>What was removed.</returns>
    Task<UnlockResult> UnlockAsync(UnlockOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the repository's config (<c>restic cat config</c>): its id, format version and chunker polynomial.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The repository's identity.</returns>
    Task<RepositoryInfo> GetConfigAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the repository's locks with their holders (<c>restic list locks</c> and <c>restic cat lock</c>), without locking.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The locks, stale or not.</returns>
    Task<IReadOnlyList<ResticLock>> GetLocksAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Lists the files, folders and other nodes of a snapshot (<c>restic ls</c>), streamed with bounded
    /// memory: restic runs while the nodes are enumerated, anew for every enumeration.
    /// </summary>
    /// <remarks>
    /// To know which snapshot <see cref="SnapshotReference.Latest"/> was, resolve it first
    /// (<see cref="GetSnapshotsAsync"/> with <see cref="SnapshotsOptions.Latest"/> 1) and list by id: a
    /// backup that finishes in between then cannot change the answer. Stopping early stops restic
    /// gracefully; a failure throws its typed exception at the end of the enumeration.
    /// </remarks>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder (restic 0.16+).</param>
    /// <param name="options">Folders, recursion and the filter for <c>latest</c>; null lists the whole snapshot.</param>
    /// <param name="cancellationToken">Cancels the listing gracefully.</param>
    /// <returns>The nodes, in restic's order (each folder before its contents).</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches the reference.</exception>
    IAsyncEnumerable<SnapshotNode> GetNodesAsync(SnapshotReference snapshot, ListOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Finds files and folders by name pattern in snapshots (<c>restic find</c>), one result per snapshot with matches.</summary>
    /// <param name="patterns">Glob patterns such as <c>*.sql</c>; a pattern with a <c>/</c> matches whole paths.</param>
    /// <param name="options">Snapshots to search and other options; null searches all snapshots.</param>
    /// <param name="cancellationToken">Cancels the search gracefully.</param>
    /// <returns>The matches per snapshot, streamed; the snapshot order depends on the restic version.</returns>
    IAsyncEnumerable<FindResult> FindAsync(IReadOnlyList<string> patterns, FindOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compares two snapshots (<c>restic diff</c>) and streams what restic reports: a <see cref="DiffChange"/>
    /// per changed path, then, last, the <see cref="DiffStatistics"/>. restic runs while the events are enumerated
    /// (with <see cref="ResticClientOptions.NativeReads"/>, the reader compares the trees itself, as restic 0.19 does).
    /// <see cref="SnapshotReference.Latest"/> is resolved to its id first (<c>restic diff</c> takes ids only).
    /// </summary>
    /// <param name="firstSnapshot">The older snapshot, optionally narrowed to a subfolder (restic 0.16+, or any version with native reads).</param>
    /// <param name="secondSnapshot">The newer snapshot, likewise.</param>
    /// <param name="options">Options, or null for content changes only.</param>
    /// <param name="cancellationToken">Cancels the comparison gracefully.</param>
    /// <returns>The events; a failure throws its typed exception at the end of the enumeration.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches a reference.</exception>
    IAsyncEnumerable<DiffEvent> StreamDiffAsync(SnapshotReference firstSnapshot, SnapshotReference secondSnapshot, DiffOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every version of one path across snapshots, oldest first: consecutive snapshots that hold the same content at
    /// the path are one <see cref="FileVersion"/>. Answered by the native reader
    /// (<see cref="ResticClientOptions.NativeReads"/>): restic's commands print no content ids, so no restic command
    /// can tell whether the content changed.
    /// </summary>
    /// <remarks>
    /// Snapshots are taken in time order (as <see cref="GetSnapshotsAsync"/> lists them); narrow them with
    /// <see cref="FileHistoryOptions.Filter"/> to one host or backup set. Each folder on the way to the path is read once
    /// per call, however many snapshots share it. The default implementation throws <see cref="NotSupportedException"/>
    /// (for implementations written before 1.1).
    /// </remarks>
    /// <param name="path">The absolute path inside the snapshots, such as <c>/home/ann/report.odt</c>.</param>
    /// <param name="options">Options, or null for every snapshot.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The versions, streamed as each one ends; none when no snapshot holds the path.</returns>
    /// <exception cref="ArgumentException">The path is empty, relative, <c>/</c> or holds a NUL; or the filter is invalid.</exception>
    /// <exception cref="NotSupportedException">The client has no native reader for its repository and password.</exception>
    IAsyncEnumerable<FileVersion> GetFileHistoryAsync(string path, FileHistoryOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This IResticClient implementation does not answer file histories.");

    /// <summary>
    /// Writes a file of a snapshot, or an archive (tar or zip) of a folder, to a stream (<c>restic dump</c>).
    /// <see cref="OpenDumpAsync"/> returns a readable stream instead.
    /// </summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder (restic 0.16+).</param>
    /// <param name="path">The absolute path of the file or folder inside the snapshot.</param>
    /// <param name="destination">Receives the bytes; not disposed.</param>
    /// <param name="options">The archive format and the filter for <c>latest</c>; null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the dump gracefully.</param>
    /// <returns>A task that completes when restic has exited and the destination was flushed.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches the reference.</exception>
    Task DumpAsync(SnapshotReference snapshot, string path, Stream destination, DumpOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a file of a snapshot, or an archive of a folder, as a readable stream (<c>restic dump</c>). Through
    /// restic, restic runs while the stream is read, paced by the reader; reaching the end awaits restic's exit and
    /// throws its typed exception if it failed, so a stream read to the end without an exception is complete, and
    /// disposing the stream early stops restic gracefully. With native reads a file (not an archive) is a seekable
    /// stream over the repository (<see cref="Stream.CanSeek"/> is true).
    /// </summary>
    /// <param name="snapshot">The snapshot, optionally narrowed to a subfolder (restic 0.16+).</param>
    /// <param name="path">The absolute path of the file or folder inside the snapshot.</param>
    /// <param name="options">The archive format and the filter for <c>latest</c>; null for restic's defaults.</param>
    /// <param name="cancellationToken">Cancels the opening, and through restic also the reading, gracefully.</param>
    /// <returns>The stream, once restic produced its first bytes or ended; a dump that fails at once throws here.</returns>
    /// <exception cref="ResticSnapshotNotFoundException">No snapshot matches the reference.</exception>
    /// <exception cref="ResticPathNotFoundException">The snapshot has no such path.</exception>
    Task<Stream> OpenDumpAsync(SnapshotReference snapshot, string path, DumpOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Backs up the content of a stream as one file (<c>restic backup --stdin</c>), for example a
    /// database dump. If reading the stream fails, no snapshot is created and the stream's exception is rethrown.
    /// </summary>
    /// <param name="content">The data; read to its end, not disposed.</param>
    /// <param name="fileName">The file name in the snapshot (<c>--stdin-filename</c>), stored as <c>/fileName</c>.</param>
    /// <param name="options">Tags, host and other options; null for restic's defaults.</param>
    /// <param name="progress">Receives coalesced progress reports; may be null.</param>
    /// <param name="cancellationToken">Cancels the backup gracefully; no snapshot is created.</param>
    /// <returns>The summary.</returns>
    Task<BackupSummary> BackupFromStreamAsync(Stream content, string fileName, StdinBackupOptions? options = null, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Backs up the standard output of a command as one file (<c>restic backup --stdin-from-command</c>,
    /// restic 0.17+). If the command exits with a non-zero code, no snapshot is created.
    /// </summary>
    /// <param name="command">The program and its arguments, for example <c>["pg_dump", "mydb"]</c>; run by restic without a shell.</param>
    /// <param name="fileName">The file name in the snapshot (<c>--stdin-filename</c>).</param>
    /// <param name="options">Tags, host and other options; null for restic's defaults.</param>
    /// <param name="progress">Receives coalesced progress reports; may be null.</param>
    /// <param name="cancellationToken">Cancels the backup gracefully; no snapshot is created.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ResticNotSupportedException">The installed restic is older than 0.17.</exception>
    Task<BackupSummary> BackupFromCommandAsync(IReadOnlyList<string> command, string fileName, StdinBackupOptions? options = null, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds, removes or sets tags of snapshots (<c>restic tag</c>). restic saves every changed snapshot
    /// under a new id and removes the old one.
    /// </summary>
    /// <param name="snapshots">
    /// The snapshots to change: <see cref="SnapshotSelection.Of(IReadOnlyList{SnapshotReference})"/>,
    /// <see cref="SnapshotSelection.Matching"/>, or <see cref="SnapshotSelection.All"/> to change every snapshot.
    /// </param>
    /// <param name="options">The tags to add, remove or set.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>How many snapshots changed and, on restic 0.18+, which became which.</returns>
    Task<TagResult> TagAsync(SnapshotSelection snapshots, TagOptions options, CancellationToken cancellationToken = default);

    /// <summary>Lists the repository's keys (<c>restic key list</c>).</summary>
    /// <param name="password">Opens the repository with this password instead of the client's (to check which key it opens); null for the client's.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys; <see cref="RepositoryKey.IsCurrent"/> marks the one the password opened.</returns>
    Task<IReadOnlyList<RepositoryKey>> GetKeysAsync(ResticPassword? password = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a key, that is another password that opens the repository (<c>restic key add</c>).</summary>
    /// <param name="password">
    /// The new key's password: <see cref="ResticPassword.FromValue"/> (handed to restic in a private
    /// temporary file, deleted afterwards) or <see cref="ResticPassword.FromFile"/>.
    /// </param>
    /// <param name="options">The user and host recorded with the key; null for the current ones.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new key.</returns>
    Task<RepositoryKey> AddKeyAsync(ResticPassword password, AddKeyOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a key (<c>restic key remove</c>). restic refuses to remove the key the password opened.</summary>
    /// <param name="keyId">The key id (or a unique prefix of at least 4 characters).</param>
    /// <param name="password">Opens the repository with this password, for example to remove the client's own key; null for the client's.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>A task that completes when the key is removed.</returns>
    Task RemoveKeyAsync(string keyId, ResticPassword? password = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the current key with one for a new password in one restic command (<c>restic key passwd</c>),
    /// which does not check the new key before it removes the old one. Prefer
    /// <see cref="ResticClientExtensions.ChangePasswordAsync"/>, which verifies the new password first.
    /// </summary>
    /// <param name="newPassword">The new password, as a value or a file.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>The key of the new password.</returns>
    Task<RepositoryKey> ReplaceCurrentKeyAsync(ResticPassword newPassword, CancellationToken cancellationToken = default);

    /// <summary>Copies snapshots from another repository into this one (<c>restic copy</c>).</summary>
    /// <param name="source">The repository to copy from; its location and password reach restic through <c>RESTIC_FROM_*</c> environment variables, never the command line.</param>
    /// <param name="sourcePassword">The source repository's password.</param>
    /// <param name="options">Which snapshots; null copies all of them.</param>
    /// <param name="cancellationToken">Cancels the copy gracefully.</param>
    /// <returns>The snapshots copied and those skipped because they had been copied before.</returns>
    Task<CopyResult> CopyAsync(ResticRepository source, ResticPassword sourcePassword, CopyOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Removes files from existing snapshots (<c>restic rewrite</c>, restic 0.15+).</summary>
    /// <param name="snapshots">
    /// The snapshots to rewrite: <see cref="SnapshotSelection.Of(IReadOnlyList{SnapshotReference})"/>,
    /// <see cref="SnapshotSelection.Matching"/>, or <see cref="SnapshotSelection.All"/> to rewrite every snapshot.
    /// </param>
    /// <param name="options">What to exclude (or include), and whether to forget the originals; the patterns are required.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>Which snapshots were replaced.</returns>
    /// <exception cref="ResticNotSupportedException">The installed restic is older than 0.15.</exception>
    Task<RewriteResult> RewriteAsync(SnapshotSelection snapshots, RewriteOptions options, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds the repository index from the pack files (<c>restic repair index</c>; <c>rebuild-index</c> before 0.16).</summary>
    /// <param name="options">Options, or null to trust the existing index where possible.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>restic's report.</returns>
    Task<RepairIndexResult> RepairIndexAsync(RepairIndexOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces snapshots that reference missing data with repaired copies (<c>restic repair snapshots</c>, restic 0.16+).</summary>
    /// <param name="options">Options, or null to check all snapshots and keep the originals.</param>
    /// <param name="cancellationToken">Cancels the call gracefully.</param>
    /// <returns>Which snapshots were replaced.</returns>
    /// <exception cref="ResticNotSupportedException">The installed restic is older than 0.16.</exception>
    Task<RewriteResult> RepairSnapshotsAsync(RepairSnapshotsOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Lists restic's local cache (<c>restic cache</c>) in the client's cache folder; opens no repository.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cache folder and one entry per repository cached there.</returns>
    Task<CacheInfo> GetCacheAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes old folders from restic's local cache (<c>restic cache --cleanup</c>); opens no repository.</summary>
    /// <param name="options">The maximum age, or null for restic's 30 days.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many folders were removed.</returns>
    Task<CacheCleanupResult> CleanupCacheAsync(CacheCleanupOptions? options = null, CancellationToken cancellationToken = default);
}
