// The naive wrapper's own DTOs: the same fields as restic's JSON, read by reflection.
#pragma warning disable CA1812 // Instantiated by the reflection-based serializer.
#pragma warning disable CA1819 // Arrays mirror JSON arrays here.

namespace Restic.Net.Benchmarks;

internal sealed class NaiveMessage
{
    public string? MessageType { get; set; }
}

internal sealed class NaiveBackupStatus
{
    public string? MessageType { get; set; }
    public ulong SecondsElapsed { get; set; }
    public ulong SecondsRemaining { get; set; }
    public double PercentDone { get; set; }
    public ulong? TotalFiles { get; set; }
    public ulong FilesDone { get; set; }
    public ulong? TotalBytes { get; set; }
    public ulong BytesDone { get; set; }
    public ulong ErrorCount { get; set; }
    public string[]? CurrentFiles { get; set; }
}

internal sealed class NaiveBackupFile
{
    public string? MessageType { get; set; }
    public string? Action { get; set; }
    public string? Item { get; set; }
    public double Duration { get; set; }
    public ulong DataSize { get; set; }
    public ulong DataSizeInRepo { get; set; }
    public ulong MetadataSize { get; set; }
    public ulong MetadataSizeInRepo { get; set; }
    public ulong TotalFiles { get; set; }
}

internal sealed class NaiveBackupSummary
{
    public string? MessageType { get; set; }
    public bool DryRun { get; set; }
    public ulong FilesNew { get; set; }
    public ulong FilesChanged { get; set; }
    public ulong FilesUnmodified { get; set; }
    public ulong DirsNew { get; set; }
    public ulong DirsChanged { get; set; }
    public ulong DirsUnmodified { get; set; }
    public long DataBlobs { get; set; }
    public long TreeBlobs { get; set; }
    public ulong DataAdded { get; set; }
    public ulong? DataAddedPacked { get; set; }
    public ulong TotalFilesProcessed { get; set; }
    public ulong TotalBytesProcessed { get; set; }
    public double TotalDuration { get; set; }
    public DateTimeOffset? BackupStart { get; set; }
    public DateTimeOffset? BackupEnd { get; set; }
    public string? SnapshotId { get; set; }
}

/// <summary>An <c>ls</c> line: a node, or (with the snapshot's fields ignored) the snapshot line.</summary>
internal sealed class NaiveNode
{
    public string? MessageType { get; set; }
    public string? StructType { get; set; }
    public string? Name { get; set; }
    public string? Type { get; set; }
    public string? Path { get; set; }
    public uint Uid { get; set; }
    public uint Gid { get; set; }
    public ulong? Size { get; set; }
    public uint Mode { get; set; }
    public string? Permissions { get; set; }
    public DateTimeOffset Mtime { get; set; }
    public DateTimeOffset Atime { get; set; }
    public DateTimeOffset Ctime { get; set; }
    public ulong? Inode { get; set; }
    public string? User { get; set; }
    public string? Group { get; set; }
    public ulong? DeviceId { get; set; }
    public ulong? Links { get; set; }
    public string? Linktarget { get; set; }
}

internal sealed class NaiveSnapshotSummary
{
    public DateTimeOffset BackupStart { get; set; }
    public DateTimeOffset BackupEnd { get; set; }
    public ulong FilesNew { get; set; }
    public ulong FilesChanged { get; set; }
    public ulong FilesUnmodified { get; set; }
    public ulong DirsNew { get; set; }
    public ulong DirsChanged { get; set; }
    public ulong DirsUnmodified { get; set; }
    public long DataBlobs { get; set; }
    public long TreeBlobs { get; set; }
    public ulong DataAdded { get; set; }
    public ulong DataAddedPacked { get; set; }
    public ulong TotalFilesProcessed { get; set; }
    public ulong TotalBytesProcessed { get; set; }
}

internal sealed class NaiveSnapshot
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
    public NaiveSnapshotSummary? Summary { get; set; }
    public string? Id { get; set; }
    public string? ShortId { get; set; }
}

internal sealed class NaiveFindResult
{
    public NaiveNode[]? Matches { get; set; }
    public ulong Hits { get; set; }
    public string? Snapshot { get; set; }
}

internal sealed class NaiveKeepReason
{
    public NaiveSnapshot? Snapshot { get; set; }
    public string[]? Matches { get; set; }
}

internal sealed class NaiveForgetGroup
{
    public string[]? Tags { get; set; }
    public string? Host { get; set; }
    public string[]? Paths { get; set; }
    public NaiveSnapshot[]? Keep { get; set; }
    public NaiveSnapshot[]? Remove { get; set; }
    public NaiveKeepReason[]? Reasons { get; set; }
}
