using System.Runtime.CompilerServices;

namespace Restic.Net;

/// <summary>
/// Builds the results and exceptions of <see cref="IResticClient"/> for tests of code that uses it:
/// mock the interface and return what these methods make. Every parameter but the identifying ones
/// is optional; combine with <c>with</c> expressions for the rest.
/// </summary>
public static class ResticModelFactory
{
    /// <summary>Builds a <see cref="Restic.Net.Snapshot"/>.</summary>
    /// <param name="id">The snapshot id (8 to 64 hex characters).</param>
    /// <param name="time">The snapshot time.</param>
    /// <param name="paths">The backed-up paths.</param>
    /// <param name="hostname">The host name.</param>
    /// <param name="tags">The tags.</param>
    /// <param name="parent">The parent snapshot's id.</param>
    /// <param name="username">The user name.</param>
    /// <param name="tree">The root tree id.</param>
    /// <param name="original">The id of the first version, for a tagged or rewritten snapshot.</param>
    /// <param name="programVersion">The restic version that took the backup.</param>
    /// <param name="summary">The stored backup statistics.</param>
    /// <returns>The snapshot.</returns>
    public static Snapshot Snapshot(
        string id,
        DateTimeOffset time,
        IReadOnlyList<string>? paths = null,
        string? hostname = null,
        IReadOnlyList<string>? tags = null,
        string? parent = null,
        string? username = null,
        string? tree = null,
        string? original = null,
        string? programVersion = null,
        SnapshotSummary? summary = null) => new()
        {
            Id = SnapshotId.Parse(id),
            Time = time,
            Paths = paths ?? [],
            Hostname = hostname,
            Tags = tags ?? [],
            Parent = parent is null ? null : SnapshotId.Parse(parent),
            Username = username,
            Tree = tree ?? string.Empty,
            Original = original is null ? null : SnapshotId.Parse(original),
            ProgramVersion = programVersion,
            Summary = summary,
        };

    /// <summary>Builds a <see cref="Restic.Net.BackupSummary"/> of a completed backup.</summary>
    /// <param name="snapshotId">The new snapshot's id; null for a dry run or a skipped backup.</param>
    /// <param name="filesNew">New files.</param>
    /// <param name="filesChanged">Changed files.</param>
    /// <param name="filesUnmodified">Unmodified files.</param>
    /// <param name="dataAdded">Bytes added.</param>
    /// <param name="totalFilesProcessed">Files processed.</param>
    /// <param name="totalBytesProcessed">Bytes processed.</param>
    /// <param name="totalDuration">The duration.</param>
    /// <param name="errors">Unreadable files; any makes the summary incomplete (exit code 3).</param>
    /// <param name="isDryRun">Whether it was a dry run.</param>
    /// <returns>The summary.</returns>
    public static BackupSummary BackupSummary(
        string? snapshotId = null,
        ulong filesNew = 0,
        ulong filesChanged = 0,
        ulong filesUnmodified = 0,
        ulong dataAdded = 0,
        ulong totalFilesProcessed = 0,
        ulong totalBytesProcessed = 0,
        TimeSpan totalDuration = default,
        IReadOnlyList<BackupError>? errors = null,
        bool isDryRun = false) => new()
        {
            SnapshotId = snapshotId is null ? null : SnapshotId.Parse(snapshotId),
            FilesNew = filesNew,
            FilesChanged = filesChanged,
            FilesUnmodified = filesUnmodified,
            DataAdded = dataAdded,
            TotalFilesProcessed = totalFilesProcessed,
            TotalBytesProcessed = totalBytesProcessed,
            TotalDuration = totalDuration,
            Errors = errors ?? [],
            IsComplete = errors is not { Count: > 0 },
            IsDryRun = isDryRun,
        };

    /// <summary>Builds a <see cref="Restic.Net.BackupProgress"/>.</summary>
    /// <param name="percentDone">The fraction done, 0 to 1.</param>
    /// <param name="filesDone">Files done.</param>
    /// <param name="bytesDone">Bytes done.</param>
    /// <param name="totalFiles">Files found by the scanner.</param>
    /// <param name="totalBytes">Bytes found by the scanner.</param>
    /// <param name="elapsed">The time elapsed.</param>
    /// <param name="remaining">The estimated time remaining.</param>
    /// <returns>The progress.</returns>
    public static BackupProgress BackupProgress(double percentDone, ulong filesDone = 0, ulong bytesDone = 0, ulong? totalFiles = null, ulong? totalBytes = null, TimeSpan elapsed = default, TimeSpan? remaining = null) =>
        new(percentDone, elapsed, remaining, totalFiles, filesDone, totalBytes, bytesDone, 0, []);

    /// <summary>Builds a <see cref="Restic.Net.RestoreSummary"/> with statistics (restic 0.16+).</summary>
    /// <param name="target">The target folder.</param>
    /// <param name="filesRestored">Files restored.</param>
    /// <param name="bytesRestored">Bytes restored.</param>
    /// <param name="totalFiles">Files in the selection.</param>
    /// <param name="totalBytes">Bytes in the selection.</param>
    /// <param name="elapsed">The duration.</param>
    /// <returns>The summary.</returns>
    public static RestoreSummary RestoreSummary(string target, ulong filesRestored = 0, ulong bytesRestored = 0, ulong? totalFiles = null, ulong? totalBytes = null, TimeSpan? elapsed = null) => new()
    {
        HasStatistics = true,
        Target = target,
        FilesRestored = filesRestored,
        BytesRestored = bytesRestored,
        TotalFiles = totalFiles ?? filesRestored,
        TotalBytes = totalBytes ?? bytesRestored,
        Elapsed = elapsed,
    };

    /// <summary>Builds a <see cref="Restic.Net.ForgetResult"/>.</summary>
    /// <param name="groups">The snapshot groups.</param>
    /// <param name="isDryRun">Whether nothing was removed.</param>
    /// <param name="prune">The prune that followed.</param>
    /// <returns>The result.</returns>
    public static ForgetResult ForgetResult(IReadOnlyList<ForgetGroup>? groups = null, bool isDryRun = false, PruneResult? prune = null) =>
        new() { Groups = groups ?? [], IsDryRun = isDryRun, Prune = prune };

    /// <summary>Builds a <see cref="Restic.Net.ForgetGroup"/>.</summary>
    /// <param name="keep">The kept snapshots.</param>
    /// <param name="remove">The removed snapshots.</param>
    /// <param name="host">The group's host.</param>
    /// <param name="paths">The group's paths.</param>
    /// <param name="tags">The group's tags.</param>
    /// <param name="reasons">Why each kept snapshot was kept.</param>
    /// <returns>The group.</returns>
    public static ForgetGroup ForgetGroup(IReadOnlyList<Snapshot>? keep = null, IReadOnlyList<Snapshot>? remove = null, string host = "", IReadOnlyList<string>? paths = null, IReadOnlyList<string>? tags = null, IReadOnlyList<KeepReason>? reasons = null) =>
        new() { Keep = keep ?? [], Remove = remove ?? [], Host = host, Paths = paths ?? [], Tags = tags ?? [], Reasons = reasons ?? [] };

    /// <summary>Builds a <see cref="Restic.Net.PruneResult"/>.</summary>
    /// <param name="removedBytes">Bytes removed.</param>
    /// <param name="remainingBytes">Bytes remaining.</param>
    /// <param name="isDryRun">Whether nothing was removed.</param>
    /// <returns>The result.</returns>
    public static PruneResult PruneResult(long? removedBytes = null, long? remainingBytes = null, bool isDryRun = false) =>
        new() { TotalPrunedBytes = removedBytes, RemovedBytes = removedBytes, RemainingBytes = remainingBytes, IsDryRun = isDryRun };

    /// <summary>Builds a <see cref="Restic.Net.CheckResult"/>.</summary>
    /// <param name="errors">The errors found; none for a healthy repository.</param>
    /// <param name="brokenPacks">Damaged pack files.</param>
    /// <returns>The result.</returns>
    public static CheckResult CheckResult(IReadOnlyList<string>? errors = null, IReadOnlyList<string>? brokenPacks = null) =>
        new() { Errors = errors ?? [], ErrorCount = errors?.Count ?? 0, BrokenPacks = brokenPacks ?? [] };

    /// <summary>Builds <see cref="Restic.Net.RepositoryStats"/>.</summary>
    /// <param name="totalSize">The total size.</param>
    /// <param name="totalFileCount">The file count.</param>
    /// <param name="snapshotsCount">The snapshot count.</param>
    /// <param name="storedSize">The bytes stored.</param>
    /// <param name="deduplicationRatio">The deduplication ratio.</param>
    /// <returns>The statistics.</returns>
    public static RepositoryStats RepositoryStats(ulong totalSize = 0, ulong totalFileCount = 0, int snapshotsCount = 0, ulong? storedSize = null, double? deduplicationRatio = null) =>
        new() { Mode = StatsMode.RestoreSize, TotalSize = totalSize, TotalFileCount = totalFileCount, SnapshotsCount = snapshotsCount, StoredSize = storedSize, DeduplicationRatio = deduplicationRatio };

    /// <summary>Builds a <see cref="Restic.Net.RepositoryInfo"/>.</summary>
    /// <param name="id">The repository id.</param>
    /// <param name="version">The format version.</param>
    /// <param name="chunkerPolynomial">The chunker polynomial.</param>
    /// <param name="location">The redacted location.</param>
    /// <returns>The info.</returns>
    public static RepositoryInfo RepositoryInfo(string id, int version = 2, string chunkerPolynomial = "", string location = "") =>
        new(id, version, chunkerPolynomial, location);

    /// <summary>Builds a <see cref="Restic.Net.ResticVersion"/>; its capabilities follow from the version.</summary>
    /// <param name="version">The version, for example <c>0.18.0</c>.</param>
    /// <returns>The version.</returns>
    public static ResticVersion ResticVersion(string version) =>
        new(Version.Parse(version), version, "go1.24", "linux", "amd64");

    /// <summary>Builds an <see cref="Restic.Net.UnlockResult"/>.</summary>
    /// <param name="removed">The removed locks.</param>
    /// <returns>The result.</returns>
    public static UnlockResult UnlockResult(IReadOnlyList<ResticLock>? removed = null) =>
        new(removed?.Count ?? 0) { Removed = removed ?? [] };

    /// <summary>Builds a <see cref="Restic.Net.ResticLock"/>.</summary>
    /// <param name="id">The lock's storage id.</param>
    /// <param name="time">When it was created or refreshed.</param>
    /// <param name="age">How old it was when read.</param>
    /// <param name="isExclusive">Whether it is exclusive.</param>
    /// <param name="hostname">The holder's host.</param>
    /// <param name="username">The holder's user.</param>
    /// <param name="pid">The holder's process id.</param>
    /// <returns>The lock.</returns>
    public static ResticLock ResticLock(string id, DateTimeOffset time, TimeSpan age = default, bool isExclusive = false, string hostname = "", string username = "", int pid = 0) =>
        new() { Id = id, Time = time, Age = age, IsExclusive = isExclusive, Hostname = hostname, Username = username, Pid = pid };

    /// <summary>Builds a <see cref="Restic.Net.SnapshotNode"/>.</summary>
    /// <param name="path">The absolute path in the snapshot; the name is its last part.</param>
    /// <param name="type">The node type; a file by default.</param>
    /// <param name="size">The size, for files.</param>
    /// <param name="modificationTime">The modification time.</param>
    /// <param name="mode">The permission bits.</param>
    /// <returns>The node.</returns>
    public static SnapshotNode SnapshotNode(string path, NodeType? type = null, ulong? size = null, DateTimeOffset modificationTime = default, UnixFileMode mode = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var nodeType = type ?? NodeType.File;
        return new SnapshotNode
        {
            Path = path,
            Name = path[(path.LastIndexOf('/') + 1)..],
            Type = nodeType,
            Size = size ?? (nodeType == NodeType.File ? 0UL : null),
            ModificationTime = modificationTime,
            AccessTime = modificationTime,
            ChangeTime = modificationTime,
            Mode = mode,
        };
    }

    /// <summary>
    /// Builds a <see cref="Restic.Net.SnapshotListing"/> that yields <paramref name="nodes"/>, with
    /// <see cref="SnapshotListing.Snapshot"/> set before the first node, as restic's listing does.
    /// </summary>
    /// <param name="snapshot">The listed snapshot.</param>
    /// <param name="nodes">The nodes.</param>
    /// <returns>The listing.</returns>
    public static SnapshotListing SnapshotListing(Snapshot snapshot, IEnumerable<SnapshotNode> nodes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(nodes);
        return new SnapshotListing((listing, cancellationToken) => Yield(nodes, () => listing.Snapshot = snapshot, null, cancellationToken));
    }

    /// <summary>Builds a <see cref="FindResult"/>.</summary>
    /// <param name="snapshotId">The snapshot.</param>
    /// <param name="matches">The matching nodes.</param>
    /// <returns>The result.</returns>
    public static FindResult FindResult(string snapshotId, IReadOnlyList<SnapshotNode> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        return new FindResult(SnapshotId.Parse(snapshotId), (ulong)matches.Count, matches);
    }

    /// <summary>
    /// Builds a <see cref="Restic.Net.SnapshotDiff"/> that yields <paramref name="changes"/> and sets
    /// <see cref="SnapshotDiff.Statistics"/> when the enumeration completes, as restic's diff does.
    /// </summary>
    /// <param name="changes">The changes.</param>
    /// <param name="statistics">The totals; null for totals counted from <paramref name="changes"/>.</param>
    /// <returns>The diff.</returns>
    public static SnapshotDiff SnapshotDiff(IEnumerable<DiffChange> changes, DiffStatistics? statistics = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        statistics ??= new DiffStatistics
        {
            ChangedFiles = changes.Count(c => c.IsContentChanged && !c.IsDirectory),
            Added = new DiffCounts { Files = changes.Count(c => c.IsAdded && !c.IsDirectory), Directories = changes.Count(c => c.IsAdded && c.IsDirectory) },
            Removed = new DiffCounts { Files = changes.Count(c => c.IsRemoved && !c.IsDirectory), Directories = changes.Count(c => c.IsRemoved && c.IsDirectory) },
        };
        return new SnapshotDiff((diff, cancellationToken) => Yield(changes, null, () => diff.Statistics = statistics, cancellationToken));
    }

    /// <summary>Builds a <see cref="Restic.Net.TagResult"/>.</summary>
    /// <param name="changes">Which snapshot became which; null as on restic before 0.18.</param>
    /// <param name="changedSnapshots">The count; defaults to the number of changes.</param>
    /// <returns>The result.</returns>
    public static TagResult TagResult(IReadOnlyList<SnapshotChange>? changes, int? changedSnapshots = null) =>
        new() { Changes = changes, ChangedSnapshots = changedSnapshots ?? changes?.Count ?? 0 };

    /// <summary>Builds a <see cref="Restic.Net.SnapshotChange"/>.</summary>
    /// <param name="oldId">The replaced snapshot.</param>
    /// <param name="newId">Its replacement; null for a dry run.</param>
    /// <param name="oldRemoved">Whether the old snapshot was removed.</param>
    /// <returns>The change.</returns>
    public static SnapshotChange SnapshotChange(string oldId, string? newId, bool oldRemoved = false) =>
        new(SnapshotId.Parse(oldId), newId is null ? null : SnapshotId.Parse(newId)) { OldRemoved = oldRemoved };

    /// <summary>Builds a <see cref="Restic.Net.RewriteResult"/> (also the result of <c>repair snapshots</c>).</summary>
    /// <param name="changes">The replaced snapshots.</param>
    /// <param name="isDryRun">Whether nothing was saved.</param>
    /// <returns>The result.</returns>
    public static RewriteResult RewriteResult(IReadOnlyList<SnapshotChange>? changes = null, bool isDryRun = false) =>
        new() { Changes = changes ?? [], ModifiedSnapshots = changes?.Count ?? 0, IsDryRun = isDryRun };

    /// <summary>Builds a <see cref="Restic.Net.RepairIndexResult"/>.</summary>
    /// <param name="output">restic's text.</param>
    /// <returns>The result.</returns>
    public static RepairIndexResult RepairIndexResult(IReadOnlyList<string>? output = null) => new() { Output = output ?? [] };

    /// <summary>Builds a <see cref="Restic.Net.RepositoryKey"/>.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="isCurrent">Whether the password opened this key.</param>
    /// <param name="userName">The recorded user.</param>
    /// <param name="hostName">The recorded host.</param>
    /// <param name="created">When it was added.</param>
    /// <returns>The key.</returns>
    public static RepositoryKey RepositoryKey(string id, bool isCurrent = false, string userName = "", string hostName = "", DateTimeOffset? created = null) =>
        new() { Id = id, IsCurrent = isCurrent, UserName = userName, HostName = hostName, Created = created };

    /// <summary>Builds a <see cref="Restic.Net.PasswordRotation"/>.</summary>
    /// <param name="oldKey">The removed key.</param>
    /// <param name="newKey">The verified new key.</param>
    /// <returns>The rotation.</returns>
    public static PasswordRotation PasswordRotation(RepositoryKey oldKey, RepositoryKey newKey) => new(oldKey, newKey);

    /// <summary>Builds a <see cref="Restic.Net.CopyResult"/>.</summary>
    /// <param name="copied">The copied snapshots.</param>
    /// <param name="skipped">The snapshots copied before.</param>
    /// <returns>The result.</returns>
    public static CopyResult CopyResult(IReadOnlyList<CopiedSnapshot>? copied = null, IReadOnlyList<CopiedSnapshot>? skipped = null) =>
        new() { Copied = copied ?? [], Skipped = skipped ?? [] };

    /// <summary>Builds a <see cref="Restic.Net.CopiedSnapshot"/>.</summary>
    /// <param name="sourceId">The snapshot in the source repository.</param>
    /// <param name="targetId">Its copy.</param>
    /// <returns>The pair.</returns>
    public static CopiedSnapshot CopiedSnapshot(string sourceId, string targetId) => new(SnapshotId.Parse(sourceId), SnapshotId.Parse(targetId));

    /// <summary>Builds a <see cref="Restic.Net.CacheInfo"/>.</summary>
    /// <param name="entries">The cached repositories.</param>
    /// <param name="directory">The cache folder.</param>
    /// <returns>The info.</returns>
    public static CacheInfo CacheInfo(IReadOnlyList<CacheEntry>? entries = null, string? directory = null) => new() { Entries = entries ?? [], Directory = directory };

    /// <summary>Builds a <see cref="Restic.Net.CacheEntry"/>.</summary>
    /// <param name="repositoryIdPrefix">The first 10 characters of the repository id.</param>
    /// <param name="lastUsedDaysAgo">Days since last use.</param>
    /// <param name="isOld">Whether restic considers it old.</param>
    /// <param name="size">The size in bytes.</param>
    /// <returns>The entry.</returns>
    public static CacheEntry CacheEntry(string repositoryIdPrefix, int lastUsedDaysAgo = 0, bool isOld = false, long? size = null) =>
        new() { RepositoryIdPrefix = repositoryIdPrefix, LastUsedDaysAgo = lastUsedDaysAgo, IsOld = isOld, Size = size };

    /// <summary>Builds a <see cref="Restic.Net.CacheCleanupResult"/>.</summary>
    /// <param name="removedDirectories">How many folders were removed.</param>
    /// <returns>The result.</returns>
    public static CacheCleanupResult CacheCleanupResult(int removedDirectories = 0) => new(removedDirectories);

    /// <summary>Builds a <see cref="ResticCommandException"/> (restic failed for a reason without a dedicated type).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code.</param>
    /// <returns>The exception.</returns>
    public static ResticCommandException CommandException(string resticMessage = "Fatal: failed", int exitCode = 1) =>
        new($"restic failed with exit code {exitCode}: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticSnapshotNotFoundException"/> (no snapshot matched the reference).</summary>
    /// <param name="snapshot">The snapshot reference that matched nothing.</param>
    /// <returns>The exception.</returns>
    public static ResticSnapshotNotFoundException SnapshotNotFoundException(string snapshot = "deadbeef") =>
        new($"restic failed with exit code 1: Fatal: no matching ID found for prefix \"{snapshot}\"", 1, "restic", $"Fatal: no matching ID found for prefix \"{snapshot}\"", null);

    /// <summary>Builds a <see cref="ResticWrongPasswordException"/>.</summary>
    /// <param name="exitCode">The exit code: 12 on restic 0.17.1+, 1 before.</param>
    /// <returns>The exception.</returns>
    public static ResticWrongPasswordException WrongPasswordException(int exitCode = 12) =>
        new($"restic failed with exit code {exitCode}: Fatal: wrong password or no key found", exitCode, "restic", "Fatal: wrong password or no key found", null);

    /// <summary>Builds a <see cref="ResticRepositoryNotFoundException"/>.</summary>
    /// <param name="exitCode">The exit code: 10 on restic 0.17+, 1 before.</param>
    /// <returns>The exception.</returns>
    public static ResticRepositoryNotFoundException RepositoryNotFoundException(int exitCode = 10) =>
        new($"restic failed with exit code {exitCode}: Fatal: repository does not exist", exitCode, "restic", "Fatal: repository does not exist", null);

    /// <summary>Builds a <see cref="ResticRepositoryAlreadyExistsException"/>.</summary>
    /// <returns>The exception.</returns>
    public static ResticRepositoryAlreadyExistsException RepositoryAlreadyExistsException() =>
        new("restic init failed with exit code 1: Fatal: create repository at /repo failed: config file already exists", 1, "restic init", "Fatal: create repository at /repo failed: config file already exists", null);

    /// <summary>Builds a <see cref="ResticRepositoryLockedException"/>.</summary>
    /// <param name="lockHolder">Who holds the lock, as restic names it (<c>PID 42 on host by user</c>).</param>
    /// <param name="exitCode">The exit code: 11 on restic 0.17+, 1 before.</param>
    /// <returns>The exception.</returns>
    public static ResticRepositoryLockedException RepositoryLockedException(string? lockHolder = null, int exitCode = 11) =>
        new($"restic failed with exit code {exitCode}: repository is already locked", exitCode, "restic", "repository is already locked by " + lockHolder, null, lockHolder);

    /// <summary>Builds a <see cref="ResticBackendAccessDeniedException"/> (the storage backend refused the credentials).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code, or <see langword="null"/> when the client stopped restic at its retry notice.</param>
    /// <returns>The exception.</returns>
    public static ResticBackendAccessDeniedException BackendAccessDeniedException(
        string resticMessage = "Fatal: unable to open config file: Stat: Access Denied.", int? exitCode = 1) =>
        new($"restic failed: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticBackendCertificateException"/> (the backend's TLS certificate could not be verified).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code, or <see langword="null"/> when the client stopped restic at its retry notice.</param>
    /// <returns>The exception.</returns>
    public static ResticBackendCertificateException BackendCertificateException(
        string resticMessage = "Fatal: unable to open config file: x509: certificate signed by unknown authority", int? exitCode = 1) =>
        new($"restic failed: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticBackendUnreachableException"/> (connection refused or unknown host while opening the repository).</summary>
    /// <param name="resticMessage">restic's message.</param>
    /// <param name="exitCode">The exit code, or <see langword="null"/> when the client stopped restic at its retry notice.</param>
    /// <returns>The exception.</returns>
    public static ResticBackendUnreachableException BackendUnreachableException(
        string resticMessage = "Fatal: unable to open config file: dial tcp 127.0.0.1:8000: connect: connection refused", int? exitCode = null) =>
        new($"restic failed: {resticMessage}", exitCode, "restic", resticMessage, resticMessage);

    /// <summary>Builds a <see cref="ResticNotSupportedException"/>.</summary>
    /// <param name="feature">The feature.</param>
    /// <param name="installedVersion">The installed restic.</param>
    /// <param name="requiredVersion">The first restic that has the feature.</param>
    /// <returns>The exception.</returns>
    public static ResticNotSupportedException NotSupportedException(string feature, Version installedVersion, Version requiredVersion) =>
        new(feature, installedVersion, requiredVersion);

    /// <summary>Builds a <see cref="ResticOutputException"/>.</summary>
    /// <param name="message">What could not be read.</param>
    /// <param name="outputLine">The output restic printed.</param>
    /// <returns>The exception.</returns>
    public static ResticOutputException OutputException(string message = "restic printed output that could not be read.", string? outputLine = null) =>
        new(message, 0, "restic", null, null, outputLine);

    /// <summary>Builds a <see cref="ResticTimeoutException"/>.</summary>
    /// <param name="timeout">The no-progress timeout that expired.</param>
    /// <returns>The exception.</returns>
    public static ResticTimeoutException TimeoutException(TimeSpan timeout) =>
        new($"restic made no progress for {timeout} and was stopped.", null, "restic", null, timeout);

    /// <summary>Builds a <see cref="ResticRestoreException"/>.</summary>
    /// <param name="errors">The files restic could not restore.</param>
    /// <param name="summary">What restic reported.</param>
    /// <returns>The exception.</returns>
    public static ResticRestoreException RestoreException(IReadOnlyList<RestoreError> errors, RestoreSummary summary) =>
        new($"restic restore failed for {errors?.Count ?? 0} files.", 1, "restic", "Fatal: There were errors", null, errors ?? [], summary);

    /// <summary>Builds a <see cref="ResticBinaryNotFoundException"/>.</summary>
    /// <param name="binaryPath">The executable that could not be started.</param>
    /// <returns>The exception.</returns>
    public static ResticBinaryNotFoundException BinaryNotFoundException(string binaryPath = "restic") =>
        new(binaryPath, new System.ComponentModel.Win32Exception(2, "No such file or directory"));

    private static async IAsyncEnumerable<T> Yield<T>(IEnumerable<T> items, Action? before, Action? after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        before?.Invoke();
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        after?.Invoke();
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
