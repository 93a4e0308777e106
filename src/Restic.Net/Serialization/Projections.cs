using System.Text.Json;

namespace Restic.Net.Serialization;

/// <summary>Projects wire DTOs onto the public records.</summary>
internal static class Projections
{
    public static Snapshot ToSnapshot(this SnapshotDto dto) => new()
    {
        Id = ParseId(dto.Id ?? dto.ShortId),
        Time = dto.Time,
        Parent = ParseOptionalId(dto.Parent),
        Tree = dto.Tree ?? string.Empty,
        Paths = dto.Paths ?? [],
        HostName = dto.Hostname,
        UserName = dto.Username,
        Uid = dto.Uid,
        Gid = dto.Gid,
        Excludes = dto.Excludes ?? [],
        Tags = dto.Tags ?? [],
        Original = ParseOptionalId(dto.Original),
        ProgramVersion = dto.ProgramVersion,
        Summary = dto.Summary is { } s
            ? new SnapshotSummary
            {
                BackupStart = s.BackupStart,
                BackupEnd = s.BackupEnd,
                FilesNew = s.FilesNew,
                FilesChanged = s.FilesChanged,
                FilesUnmodified = s.FilesUnmodified,
                DirectoriesNew = s.DirsNew,
                DirectoriesChanged = s.DirsChanged,
                DirectoriesUnmodified = s.DirsUnmodified,
                DataBlobs = s.DataBlobs,
                TreeBlobs = s.TreeBlobs,
                DataAdded = s.DataAdded,
                DataAddedPacked = s.DataAddedPacked,
                TotalFilesProcessed = s.TotalFilesProcessed,
                TotalBytesProcessed = s.TotalBytesProcessed,
            }
            : null,
    };

    public static BackupProgress ToProgress(this BackupStatusDto dto) => new()
    {
        PercentDone = dto.PercentDone,
        Elapsed = TimeSpan.FromSeconds(dto.SecondsElapsed),
        Remaining = ToRemaining(dto.SecondsRemaining),
        TotalFiles = dto.TotalFiles,
        FilesDone = dto.FilesDone,
        TotalBytes = dto.TotalBytes,
        BytesDone = dto.BytesDone,
        ErrorCount = dto.ErrorCount,
        CurrentFiles = dto.CurrentFiles ?? [],
    };

    public static BackupFileEvent ToFileEvent(this BackupVerboseStatusDto dto) => new()
    {
        Action = new FileAction(dto.Action ?? string.Empty),
        Item = dto.Item ?? string.Empty,
        Duration = TimeSpan.FromSeconds(dto.Duration),
        DataSize = dto.DataSize,
        DataSizeInRepository = dto.DataSizeInRepo,
        MetadataSize = dto.MetadataSize,
        MetadataSizeInRepository = dto.MetadataSizeInRepo,
    };

    public static BackupSummary ToSummary(this BackupSummaryDto dto, bool isComplete, IReadOnlyList<BackupError> errors) => new()
    {
        SnapshotId = dto.DryRun ? null : ParseOptionalId(dto.SnapshotId),
        IsComplete = isComplete,
        IsDryRun = dto.DryRun,
        Errors = errors,
        FilesNew = dto.FilesNew,
        FilesChanged = dto.FilesChanged,
        FilesUnmodified = dto.FilesUnmodified,
        DirectoriesNew = dto.DirsNew,
        DirectoriesChanged = dto.DirsChanged,
        DirectoriesUnmodified = dto.DirsUnmodified,
        DataBlobs = dto.DataBlobs,
        TreeBlobs = dto.TreeBlobs,
        DataAdded = dto.DataAdded,
        DataAddedPacked = dto.DataAddedPacked,
        TotalFilesProcessed = dto.TotalFilesProcessed,
        TotalBytesProcessed = dto.TotalBytesProcessed,
        TotalDuration = TimeSpan.FromSeconds(dto.TotalDuration),
        BackupStart = dto.BackupStart,
        BackupEnd = dto.BackupEnd,
    };

    public static RestoreProgress ToProgress(this RestoreStatusDto dto) => new()
    {
        PercentDone = dto.PercentDone,
        Elapsed = TimeSpan.FromSeconds(dto.SecondsElapsed),
        TotalFiles = dto.TotalFiles,
        FilesRestored = dto.FilesRestored,
        FilesSkipped = dto.FilesSkipped,
        TotalBytes = dto.TotalBytes,
        BytesRestored = dto.BytesRestored,
        BytesSkipped = dto.BytesSkipped,
    };

    public static RestoreSummary ToSummary(this RestoreStatusDto dto, string target, ResticCapabilities capabilities) => new()
    {
        HasStatistics = true,
        Target = target,
        Elapsed = TimeSpan.FromSeconds(dto.SecondsElapsed),
        TotalFiles = dto.TotalFiles,
        FilesRestored = dto.FilesRestored,
        // Counters restic omits when zero are zero where the version knows them, unknown where it does not.
        FilesSkipped = capabilities.RestoreOverwritePolicies ? dto.FilesSkipped : null,
        FilesDeleted = dto.FilesDeleted ?? (capabilities.ExitErrorJson ? 0L : null),
        TotalBytes = dto.TotalBytes,
        BytesRestored = dto.BytesRestored,
        BytesSkipped = capabilities.RestoreOverwritePolicies ? dto.BytesSkipped : null,
    };

    /// <summary>
    /// The groups of <c>snapshots --group-by</c>, in a stable order (restic's varies), each group's
    /// snapshots oldest first, and only the newest <paramref name="latest"/> of each when set.
    /// </summary>
    public static IReadOnlyList<SnapshotGroup> ToGroups(SnapshotGroupDto[] groups, int? latest)
    {
        var result = new List<SnapshotGroup>(groups.Length);
        foreach (var dto in groups)
        {
            IEnumerable<Snapshot> snapshots = (dto.Snapshots ?? []).Select(ToSnapshot).OrderBy(s => s.Time).ThenBy(s => s.Id.Value, StringComparer.Ordinal);
            if (latest is { } count)
            {
                snapshots = snapshots.TakeLast(count);
            }

            result.Add(new SnapshotGroup
            {
                HostName = dto.GroupKey?.Hostname ?? string.Empty,
                Paths = dto.GroupKey?.Paths ?? [],
                Tags = dto.GroupKey?.Tags ?? [],
                Snapshots = snapshots.ToArray(),
            });
        }

        return result
            .OrderBy(g => g.HostName, StringComparer.Ordinal)
            .ThenBy(g => string.Join('\n', g.Paths), StringComparer.Ordinal)
            .ThenBy(g => string.Join('\n', g.Tags), StringComparer.Ordinal)
            .ToArray();
    }

    public static ForgetGroup ToGroup(this ForgetGroupDto dto)
    {
        var keep = dto.Keep is { } kept ? Array.ConvertAll(kept, ToSnapshot) : [];

        // restic before 0.17 omits the id in reasons: the kept snapshot with the same time is the one
        // (looked up by time once, not by a scan per reason).
        Dictionary<DateTimeOffset, SnapshotId?>? byTime = null;
        SnapshotId? IdOf(SnapshotDto? snapshot)
        {
            if (ParseOptionalId(snapshot?.Id) is { } id)
            {
                return id;
            }

            if (snapshot is null)
            {
                return null;
            }

            if (byTime is null)
            {
                byTime = [];
                foreach (var k in keep)
                {
                    // Two kept snapshots with the same time: neither is the one.
                    byTime[k.Time] = byTime.ContainsKey(k.Time) ? null : k.Id;
                }
            }

            return byTime.GetValueOrDefault(snapshot.Time);
        }

        return new ForgetGroup
        {
            HostName = dto.Host ?? string.Empty,
            Paths = dto.Paths ?? [],
            Tags = dto.Tags ?? [],
            Keep = keep,
            Remove = dto.Remove is { } removed ? Array.ConvertAll(removed, ToSnapshot) : [],
            Reasons = dto.Reasons is { } reasons ? Array.ConvertAll(reasons, r => new KeepReason { SnapshotTime = r.Snapshot?.Time ?? default, SnapshotId = IdOf(r.Snapshot), Matches = r.Matches ?? [] }) : [],
        };
    }

    public static RepositoryStats ToStats(this StatsDto dto, StatsMode mode) => new()
    {
        Mode = mode,
        TotalSize = dto.TotalSize,
        TotalFileCount = dto.TotalFileCount,
        TotalBlobCount = dto.TotalBlobCount,
        SnapshotsCount = dto.SnapshotsCount,
        TotalUncompressedSize = dto.TotalUncompressedSize,
        CompressionRatio = dto.CompressionRatio,
        CompressionProgress = dto.CompressionProgress / 100,
        CompressionSpaceSaving = dto.CompressionSpaceSaving / 100,
    };

    public static ResticLock ToLock(LockDto dto, string id, DateTimeOffset now) => new()
    {
        Id = id,
        Time = dto.Time,
        Age = now > dto.Time ? now - dto.Time : TimeSpan.Zero,
        IsExclusive = dto.Exclusive,
        HostName = dto.Hostname ?? string.Empty,
        UserName = dto.Username ?? string.Empty,
        Pid = dto.Pid,
        Uid = dto.Uid,
        Gid = dto.Gid,
    };

    /// <summary>The message of a backup/restore error object: <c>{"message":..}</c> (0.17.1+), or the Go error's fields as JSON.</summary>
    public static string? ErrorMessage(JsonElement error)
    {
        switch (error.ValueKind)
        {
            case JsonValueKind.String:
                return error.GetString();
            case JsonValueKind.Object when error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String:
                return message.GetString();
            case JsonValueKind.Object when error.EnumerateObject().Any():
                return error.GetRawText();
            default:
                return null;
        }
    }

    // 0.14–0.15 computed the estimate by division and could print garbage near 2^63.
    private static TimeSpan? ToRemaining(long seconds) =>
        seconds is <= 0 or > 10L * 365 * 24 * 3600 ? null : TimeSpan.FromSeconds(seconds);

    private static SnapshotId ParseId(string? value) =>
        SnapshotId.TryParse(value, out var id) ? id : throw new JsonException($"Invalid snapshot id '{value}'.");

    private static SnapshotId? ParseOptionalId(string? value) =>
        SnapshotId.TryParse(value, out var id) ? id : null;

    // Go's os.FileMode keeps set-user-id, set-group-id and sticky outside the permission bits.
    private const uint GoSetuid = 1u << 23;
    private const uint GoSetgid = 1u << 22;
    private const uint GoSticky = 1u << 20;

    public static SnapshotNode ToNode(this NodeDto dto)
    {
        var path = dto.Path ?? string.Empty;
        return new SnapshotNode
        {
            // find omits the name: it is the last part of the path.
            Name = dto.Name ?? path[(path.LastIndexOf('/') + 1)..],
            Type = new NodeType(dto.Type ?? string.Empty),
            Path = path,
            Size = dto.Size ?? (dto.Type == "file" ? 0L : null),
            Mode = ToUnixFileMode(dto.Mode),
            Permissions = dto.Permissions ?? string.Empty,
            Uid = dto.Uid,
            Gid = dto.Gid,
            UserName = dto.User,
            GroupName = dto.Group,
            ModificationTime = dto.Mtime,
            AccessTime = dto.Atime,
            ChangeTime = dto.Ctime,
            Inode = dto.Inode,
            Links = dto.Links,
            LinkTarget = dto.Linktarget,
            DeviceId = dto.DeviceId,
        };
    }

    public static UnixFileMode ToUnixFileMode(uint goMode)
    {
        var mode = goMode & 0x1FF;
        mode |= (goMode & GoSetuid) != 0 ? 0x800u : 0;
        mode |= (goMode & GoSetgid) != 0 ? 0x400u : 0;
        mode |= (goMode & GoSticky) != 0 ? 0x200u : 0;
        return (UnixFileMode)mode;
    }

    public static DiffStatistics ToStatistics(this DiffStatisticsDto dto) => new()
    {
        ChangedFiles = dto.ChangedFiles,
        Added = dto.Added.ToCounts(),
        Removed = dto.Removed.ToCounts(),
    };

    private static DiffCounts ToCounts(this DiffStatDto? dto) => dto is null
        ? new DiffCounts()
        : new DiffCounts
        {
            Files = dto.Files,
            Directories = dto.Dirs,
            Others = dto.Others,
            DataBlobs = dto.DataBlobs,
            TreeBlobs = dto.TreeBlobs,
            Bytes = dto.Bytes,
        };
}
