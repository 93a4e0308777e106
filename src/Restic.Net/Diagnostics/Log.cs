using Microsoft.Extensions.Logging;

namespace Restic.Net.Diagnostics;

/// <summary>
/// Every log message of the library, with stable event ids (documented in docs/logging.md).
/// Arguments are redacted before they get here.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, EventName = "CommandStarting", Level = LogLevel.Debug,
        Message = "Starting restic {Operation}: {CommandLine}")]
    public static partial void CommandStarting(ILogger logger, string operation, string commandLine);

    [LoggerMessage(EventId = 1001, EventName = "CommandExited", Level = LogLevel.Debug,
        Message = "restic {Operation} exited with code {ExitCode} after {DurationMs} ms")]
    public static partial void CommandExited(ILogger logger, string operation, int exitCode, long durationMs);

    [LoggerMessage(EventId = 1002, EventName = "OperationCompleted", Level = LogLevel.Information,
        Message = "restic {Operation} on {Repository} succeeded in {DurationMs} ms")]
    public static partial void OperationCompleted(ILogger logger, string operation, string repository, long durationMs);

    [LoggerMessage(EventId = 1003, EventName = "OperationFailed", Level = LogLevel.Warning,
        Message = "restic {Operation} on {Repository} failed after {DurationMs} ms: {ErrorType} (exit code {ExitCode}): {ResticMessage}")]
    public static partial void OperationFailed(ILogger logger, string operation, string repository, long durationMs, string errorType, int? exitCode, string? resticMessage);

    [LoggerMessage(EventId = 1004, EventName = "OperationCancelled", Level = LogLevel.Information,
        Message = "restic {Operation} on {Repository} was cancelled after {DurationMs} ms")]
    public static partial void OperationCancelled(ILogger logger, string operation, string repository, long durationMs);

    [LoggerMessage(EventId = 1010, EventName = "BackupCompleted", Level = LogLevel.Information,
        Message = "Backup of {Repository} created snapshot {SnapshotId}: {FilesNew} new, {FilesChanged} changed, {FilesUnmodified} unmodified files, {DataAdded} bytes added, in {DurationMs} ms")]
    public static partial void BackupCompleted(ILogger logger, string repository, string snapshotId, ulong filesNew, ulong filesChanged, ulong filesUnmodified, ulong dataAdded, long durationMs);

    [LoggerMessage(EventId = 1011, EventName = "BackupIncomplete", Level = LogLevel.Warning,
        Message = "Backup of {Repository} created snapshot {SnapshotId} without {ErrorCount} unreadable files or folders")]
    public static partial void BackupIncomplete(ILogger logger, string repository, string snapshotId, int errorCount);

    [LoggerMessage(EventId = 1020, EventName = "LockRetry", Level = LogLevel.Debug,
        Message = "Repository {Repository} is locked; retrying restic {Operation} in {DelayMs} ms (attempt {Attempt})")]
    public static partial void LockRetry(ILogger logger, string repository, string operation, long delayMs, int attempt);

    [LoggerMessage(EventId = 1021, EventName = "NoProgressTimeout", Level = LogLevel.Warning,
        Message = "restic {Operation} on {Repository} made no progress for {TimeoutMs} ms; stopping it")]
    public static partial void NoProgressTimeout(ILogger logger, string operation, string repository, long timeoutMs);

    [LoggerMessage(EventId = 1005, EventName = "CancellationForced", Level = LogLevel.Warning,
        Message = "restic {Operation} on {Repository} (pid {ProcessId}) did not stop within {ShutdownTimeoutMs} ms after SIGINT and was killed")]
    public static partial void CancellationForced(ILogger logger, string operation, string repository, int processId, long shutdownTimeoutMs);

    [LoggerMessage(EventId = 1022, EventName = "LockLeftBehind", Level = LogLevel.Warning,
        Message = "The killed restic left lock {LockId} on {Repository} (pid {ProcessId}, host {Host}, exclusive {Exclusive}, created {Created})")]
    public static partial void LockLeftBehind(ILogger logger, string lockId, string repository, int processId, string host, bool exclusive, DateTimeOffset created);

    [LoggerMessage(EventId = 1023, EventName = "StaleLockRemoved", Level = LogLevel.Warning,
        Message = "Removed stale lock {LockId} from {Repository}")]
    public static partial void StaleLockRemoved(ILogger logger, string lockId, string repository);

    [LoggerMessage(EventId = 1024, EventName = "LockHousekeepingFailed", Level = LogLevel.Warning,
        Message = "Could not inspect or remove locks of {Repository}: {Error}")]
    public static partial void LockHousekeepingFailed(ILogger logger, string repository, string error);

    [LoggerMessage(EventId = 1030, EventName = "TextOutputLine", Level = LogLevel.Debug,
        Message = "restic {Operation} printed a line that is not JSON: {Line}")]
    public static partial void TextOutputLine(ILogger logger, string operation, string line);

    [LoggerMessage(EventId = 1031, EventName = "MalformedJsonLine", Level = LogLevel.Debug,
        Message = "restic {Operation} printed a JSON line of type {MessageType} that could not be read: {Error}")]
    public static partial void MalformedJsonLine(ILogger logger, string operation, string messageType, string error);

    [LoggerMessage(EventId = 1040, EventName = "RawOutputLine", Level = LogLevel.Trace,
        Message = "restic {Operation} {Stream}: {Line}")]
    public static partial void RawOutputLine(ILogger logger, string operation, string stream, string line);
}
