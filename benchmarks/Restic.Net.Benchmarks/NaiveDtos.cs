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
    public long SecondsElapsed { get; set; }
    public long SecondsRemaining { get; set; }
    public double PercentDone { get; set; }
    public long? TotalFiles { get; set; }
    public long FilesDone { get; set; }
    public long? TotalBytes { get; set; }
    public long BytesDone { get; set; }
    public long ErrorCount { get; set; }
    public string[]? CurrentFiles { get; set; }
}

internal sealed class NaiveBackupFile
{
    public string? MessageType { get; set; }
    public string? Action { get; set; }
    public string? Item { get; set; }
    public double Duration { get; set; }
    public long DataSize { get; set; }
    public long DataSizeInRepo { get; set; }
    public long MetadataSize { get; set; }
    public long MetadataSizeInRepo { get; set; }
    public long TotalFiles { get; set; }
}

internal sealed class NaiveBackupSummary
{
    public string? MessageType { get; set; }
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

internal sealed class NaiveSnapshotSummary
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
    public long Hits { get; set; }
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
