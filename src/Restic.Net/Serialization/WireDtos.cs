using System.Text.Json;

// Wire DTOs mirror restic's JSON one to one and stay internal: the public records are projected
// from them, so a field restic renames changes a projection, not the public API.
#pragma warning disable CA1812 // Instantiated by the source-generated serializer.
#pragma warning disable CA1819 // Arrays mirror JSON arrays here.

namespace Restic.Net.Serialization;

internal sealed class VersionDto
{
    public string? Version { get; set; }
    public string? GoVersion { get; set; }
    public string? GoOs { get; set; }
    public string? GoArch { get; set; }
}

internal sealed class InitDto
{
    public string? Id { get; set; }
    public string? Repository { get; set; }
}

internal sealed class ConfigDto
{
    public int Version { get; set; }
    public string? Id { get; set; }
    public string? ChunkerPolynomial { get; set; }
}

/// <summary>A lock file as <c>cat lock</c> prints it.</summary>
internal sealed class LockDto
{
    public DateTimeOffset Time { get; set; }
    public bool Exclusive { get; set; }
    public string? Hostname { get; set; }
    public string? Username { get; set; }
    public int Pid { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
}

internal sealed class ExitErrorDto
{
    public int Code { get; set; }
    public string? Message { get; set; }
}

/// <summary>An <c>error</c> line of backup, restore or check.</summary>
internal sealed class ErrorDto
{
    /// <summary>backup/restore: 0.14–0.17.0 an opaque object (often <c>{}</c>); 0.17.1+ <c>{"message": ...}</c>.</summary>
    public JsonElement Error { get; set; }
    public string? During { get; set; }
    public string? Item { get; set; }

    /// <summary>check (0.18) puts the message at the top level.</summary>
    public string? Message { get; set; }
}

/// <summary>A backup <c>status</c> line; restic 0.14–0.15 also used it for the <c>scan_finished</c> verbose line.</summary>
internal sealed class BackupStatusDto
{
    public long SecondsElapsed { get; set; }
    public long SecondsRemaining { get; set; }
    public double PercentDone { get; set; }
    public long? TotalFiles { get; set; }
    public long FilesDone { get; set; }
    public long? TotalBytes { get; set; }
    public long BytesDone { get; set; }
    public long ErrorCount { get; set; }
    public string[]? CurrentFiles { get; set; }
    public string? Action { get; set; }
    public long DataSize { get; set; }
}

internal sealed class BackupVerboseStatusDto
{
    public string? Action { get; set; }
    public string? Item { get; set; }
    public double Duration { get; set; }
    public long DataSize { get; set; }
    public long DataSizeInRepo { get; set; }
    public long MetadataSize { get; set; }
    public long MetadataSizeInRepo { get; set; }
    public long TotalFiles { get; set; }
}

internal sealed class BackupSummaryDto
{
    public bool DryRun { get; set; }
    public long FilesNew { get; set; }
    public long FilesChanged { get; set; }
    public long FilesUnmodified { get; set; }
    public long DirsNew { get; set; }
    public long DirsChanged { get; set; }
    public long DirsUnmodified { get; set; }
    public long DataBlobs { get; set; }
    public long TreeBlobs { get; set; }
    public long DataAdded { get; set; }
    public long? DataAddedPacked { get; set; }
    public long TotalFilesProcessed { get; set; }
    public long TotalBytesProcessed { get; set; }
    public double TotalDuration { get; set; }
    public DateTimeOffset? BackupStart { get; set; }
    public DateTimeOffset? BackupEnd { get; set; }
    public string? SnapshotId { get; set; }
}

internal sealed class RestoreStatusDto
{
    public long SecondsElapsed { get; set; }
    public double PercentDone { get; set; }
    public long TotalFiles { get; set; }
    public long FilesRestored { get; set; }
    public long FilesSkipped { get; set; }
    public long? FilesDeleted { get; set; }
    public long TotalBytes { get; set; }
    public long BytesRestored { get; set; }
    public long BytesSkipped { get; set; }
}

internal sealed class RestoreVerboseStatusDto
{
    public string? Action { get; set; }
    public string? Item { get; set; }
    public long Size { get; set; }
}

internal sealed class SnapshotSummaryDto
{
    public DateTimeOffset BackupStart { get; set; }
    public DateTimeOffset BackupEnd { get; set; }
    public long FilesNew { get; set; }
    public long FilesChanged { get; set; }
    public long FilesUnmodified { get; set; }
    public long DirsNew { get; set; }
    public long DirsChanged { get; set; }
    public long DirsUnmodified { get; set; }
    public long DataBlobs { get; set; }
    public long TreeBlobs { get; set; }
    public long DataAdded { get; set; }
    public long DataAddedPacked { get; set; }
    public long TotalFilesProcessed { get; set; }
    public long TotalBytesProcessed { get; set; }
}

internal sealed class SnapshotDto
{
    public DateTimeOffset Time { get; set; }
    public string? Parent { get; set; }
    public string? Tree { get; set; }
    public string[]? Paths { get; set; }
    public string? Hostname { get; set; }
    public string? Username { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public string[]? Excludes { get; set; }
    public string[]? Tags { get; set; }
    public string? Original { get; set; }
    public string? ProgramVersion { get; set; }
    public SnapshotSummaryDto? Summary { get; set; }
    public string? Id { get; set; }
    public string? ShortId { get; set; }
}

internal sealed class KeepReasonDto
{
    public SnapshotDto? Snapshot { get; set; }
    public string[]? Matches { get; set; }
}

internal sealed class SnapshotGroupDto
{
    public SnapshotGroupKeyDto? GroupKey { get; set; }
    public SnapshotDto[]? Snapshots { get; set; }
}

internal sealed class SnapshotGroupKeyDto
{
    public string? Hostname { get; set; }
    public string[]? Paths { get; set; }
    public string[]? Tags { get; set; }
}

internal sealed class ForgetGroupDto
{
    public string[]? Tags { get; set; }
    public string? Host { get; set; }
    public string[]? Paths { get; set; }
    public SnapshotDto[]? Keep { get; set; }
    public SnapshotDto[]? Remove { get; set; }
    public KeepReasonDto[]? Reasons { get; set; }
}

internal sealed class StatsDto
{
    public long TotalSize { get; set; }
    public long TotalFileCount { get; set; }
    public long? TotalBlobCount { get; set; }
    public long SnapshotsCount { get; set; }
    public long? TotalUncompressedSize { get; set; }
    public double? CompressionRatio { get; set; }
    public double? CompressionProgress { get; set; }
    public double? CompressionSpaceSaving { get; set; }
}

internal sealed class CheckSummaryDto
{
    public long NumErrors { get; set; }
    public string[]? BrokenPacks { get; set; }
    public bool SuggestRepairIndex { get; set; }
    public bool SuggestPrune { get; set; }
}

/// <summary>An <c>ls</c> node line, or a <c>find</c> match (which adds user, group, links, ... and has no name).</summary>
internal sealed class NodeDto
{
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Path { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public long? Size { get; set; }
    public uint Mode { get; set; }
    public string? Permissions { get; set; }
    public DateTimeOffset Mtime { get; set; }
    public DateTimeOffset Atime { get; set; }
    public DateTimeOffset Ctime { get; set; }
    public ulong? Inode { get; set; }
    public string? User { get; set; }
    public string? Group { get; set; }
    public ulong? DeviceId { get; set; }
    public long? Links { get; set; }
    public string? Linktarget { get; set; }
}

/// <summary>One snapshot's entry in the <c>find</c> document.</summary>
internal sealed class FindResultDto
{
    public NodeDto[]? Matches { get; set; }
    public long Hits { get; set; }
    public string? Snapshot { get; set; }
}

/// <summary>A <c>diff</c> change line.</summary>
internal sealed class DiffChangeDto
{
    public string? Path { get; set; }
    public string? Modifier { get; set; }
}

internal sealed class DiffStatDto
{
    public long Files { get; set; }
    public long Dirs { get; set; }
    public long Others { get; set; }
    public long DataBlobs { get; set; }
    public long TreeBlobs { get; set; }
    public long Bytes { get; set; }
}

/// <summary>The last line of <c>diff</c>.</summary>
internal sealed class DiffStatisticsDto
{
    public long ChangedFiles { get; set; }
    public DiffStatDto? Added { get; set; }
    public DiffStatDto? Removed { get; set; }
}

/// <summary>A <c>tag --json</c> line (0.18+): <c>changed</c> or <c>summary</c>.</summary>
internal sealed class TagLineDto
{
    public string? OldSnapshotId { get; set; }
    public string? NewSnapshotId { get; set; }
    public long ChangedSnapshots { get; set; }
}

/// <summary>An entry of <c>key list --json</c>; its keys are camelCase, unlike the rest of restic's JSON.</summary>
internal sealed class KeyDto
{
    public bool Current { get; set; }
    public string? Id { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("userName")]
    public string? UserName { get; set; }

    [System.Text.Json.Serialization.JsonPropertyName("hostName")]
    public string? HostName { get; set; }

    public string? Created { get; set; }
}
