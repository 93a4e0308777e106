using System.Globalization;
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

    /// <summary>
    /// The audit event: one per operation, whatever its outcome, with the same properties every
    /// time (absent values are null). The helpers below fill it in. The parameters that are not in
    /// the message are named as the structured properties they become.
    /// </summary>
#pragma warning disable SYSLIB1015 // The properties not in the message are still part of the structured state.
    [LoggerMessage(EventId = 1002, EventName = "OperationAudit",
        Message = "restic {Operation} on {Repository}: {Outcome} after {DurationMs} ms{Details}")]
    private static partial void OperationAudit(
        ILogger logger,
        LogLevel level,
        string operation,
        string repository,
        string outcome,
        long durationMs,
        string details,
        string? SnapshotId,
        long? BytesAdded,
        long? FilesNew,
        long? FilesChanged,
        int? ErrorCount,
        string? ErrorType,
        int? ExitCode,
        string? ResticMessage);
#pragma warning restore SYSLIB1015

    public static void OperationCompleted(ILogger logger, string operation, string repository, long durationMs) =>
        OperationAudit(logger, LogLevel.Information, operation, repository, Outcomes.Succeeded, durationMs, string.Empty, null, null, null, null, null, null, null, null);

    public static void OperationFailed(ILogger logger, string operation, string repository, long durationMs, string errorType, int? exitCode, string? resticMessage)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var details = string.Create(CultureInfo.InvariantCulture, $": {errorType} (exit code {(exitCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "none")}){(resticMessage is null ? string.Empty : ": " + resticMessage)}");
            OperationAudit(logger, LogLevel.Warning, operation, repository, Outcomes.Failed, durationMs, details, null, null, null, null, null, errorType, exitCode, resticMessage);
        }
    }

    public static void OperationCancelled(ILogger logger, string operation, string repository, long durationMs) =>
        OperationAudit(logger, LogLevel.Information, operation, repository, Outcomes.Cancelled, durationMs, string.Empty, null, null, null, null, null, null, null, null);

    public static void BackupCompleted(ILogger logger, string repository, string snapshotId, long filesNew, long filesChanged, long filesUnmodified, long dataAdded, long durationMs)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            var details = string.Create(CultureInfo.InvariantCulture, $": snapshot {snapshotId}, {filesNew} new, {filesChanged} changed, {filesUnmodified} unmodified files, {dataAdded} bytes added");
            OperationAudit(logger, LogLevel.Information, "backup", repository, Outcomes.Succeeded, durationMs, details, snapshotId, dataAdded, filesNew, filesChanged, 0, null, 0, null);
        }
    }

    public static void BackupIncomplete(ILogger logger, string repository, string snapshotId, long filesNew, long filesChanged, long dataAdded, int errorCount, long durationMs)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var details = string.Create(CultureInfo.InvariantCulture, $": snapshot {snapshotId} without {errorCount} unreadable files or folders, {filesNew} new, {filesChanged} changed files, {dataAdded} bytes added");
            OperationAudit(logger, LogLevel.Warning, "backup", repository, Outcomes.Partial, durationMs, details, snapshotId, dataAdded, filesNew, filesChanged, errorCount, null, 3, null);
        }
    }

    public static void RestoreIncomplete(ILogger logger, string repository, string target, int fileCount, string example, long durationMs)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            var details = string.Create(CultureInfo.InvariantCulture, $": {fileCount} files or folders could not be restored into {target}, for example {example}");
            OperationAudit(logger, LogLevel.Warning, "restore", repository, Outcomes.Partial, durationMs, details, null, null, null, null, fileCount, null, 1, null);
        }
    }

    [LoggerMessage(EventId = 1020, EventName = "LockRetry", Level = LogLevel.Debug,
        Message = "Repository {Repository} is locked; retrying restic {Operation} in {DelayMs} ms (attempt {Attempt})")]
    public static partial void LockRetry(ILogger logger, string repository, string operation, long delayMs, int attempt);

    [LoggerMessage(EventId = 1021, EventName = "NoProgressTimeout", Level = LogLevel.Warning,
        Message = "restic {Operation} on {Repository} made no progress for {TimeoutMs} ms; stopping it")]
    public static partial void NoProgressTimeout(ILogger logger, string operation, string repository, long timeoutMs);

    [LoggerMessage(EventId = 1025, EventName = "StoppedOnBackendRejection", Level = LogLevel.Warning,
        Message = "restic {Operation} on {Repository} is being stopped instead of retrying: the backend refused it ({Error})")]
    public static partial void StoppedOnBackendRejection(ILogger logger, string operation, string repository, string error);

    [LoggerMessage(EventId = 1005, EventName = "CancellationForced", Level = LogLevel.Warning,
        Message = "restic {Operation} on {Repository} (pid {ProcessId}) did not stop within {ShutdownTimeoutMs} ms after SIGINT and was killed")]
    public static partial void CancellationForced(ILogger logger, string operation, string repository, int processId, long shutdownTimeoutMs);

    [LoggerMessage(EventId = 1022, EventName = "LockLeftBehind", Level = LogLevel.Warning,
        Message = "restic {Operation} (pid {ProcessId}) {How} and left lock {LockId} on {Repository} (host {Host}, exclusive {Exclusive}, created {Created})")]
    public static partial void LockLeftBehind(ILogger logger, string operation, int processId, string how, string lockId, string repository, string host, bool exclusive, DateTimeOffset created);

    [LoggerMessage(EventId = 1027, EventName = "LockCheckPending", Level = LogLevel.Warning,
        Message = "restic {Operation} (pid {ProcessId}) {How}; {Repository} could not be checked for a lock it left ({Error}). The client looks again after its next successful command on the repository")]
    public static partial void LockCheckPending(ILogger logger, string operation, int processId, string how, string repository, string error);

    [LoggerMessage(EventId = 1023, EventName = "StaleLockRemoved", Level = LogLevel.Warning,
        Message = "Removed stale lock {LockId} from {Repository}")]
    public static partial void StaleLockRemoved(ILogger logger, string lockId, string repository);

    [LoggerMessage(EventId = 1026, EventName = "InterruptedLockRemoved", Level = LogLevel.Information,
        Message = "Removed lock {LockId} that the interrupted restic {Operation} (pid {ProcessId}) left on {Repository}")]
    public static partial void InterruptedLockRemoved(ILogger logger, string lockId, string operation, int processId, string repository);

    [LoggerMessage(EventId = 1024, EventName = "LockHousekeepingFailed", Level = LogLevel.Warning,
        Message = "Could not inspect or remove locks of {Repository}: {Error}")]
    public static partial void LockHousekeepingFailed(ILogger logger, string repository, string error);

    [LoggerMessage(EventId = 1030, EventName = "TextOutputLine", Level = LogLevel.Debug,
        Message = "restic {Operation} printed a line that is not JSON: {Line}")]
    public static partial void TextOutputLine(ILogger logger, string operation, string line);

    [LoggerMessage(EventId = 1031, EventName = "MalformedJsonLine", Level = LogLevel.Debug,
        Message = "restic {Operation} printed a JSON line of type {MessageType} that could not be read: {Error}")]
    public static partial void MalformedJsonLine(ILogger logger, string operation, string messageType, string error);

    [LoggerMessage(EventId = 1050, EventName = "NativeReaderOpened", Level = LogLevel.Information,
        Message = "Opened the native reader of {Repository} in {DurationMs} ms: snapshots, listings, file dumps, find, diff and the config are read without restic")]
    public static partial void NativeReaderOpened(ILogger logger, string repository, long durationMs);

    [LoggerMessage(EventId = 1051, EventName = "NativeReadsUnavailable", Level = LogLevel.Information,
        Message = "The native reader cannot serve {Repository} (its backend or password source): restic runs for every read")]
    public static partial void NativeReadsUnavailable(ILogger logger, string repository);

    [LoggerMessage(EventId = 1040, EventName = "RawOutputLine", Level = LogLevel.Trace,
        Message = "restic {Operation} {Stream}: {Line}")]
    public static partial void RawOutputLine(ILogger logger, string operation, string stream, string line);

    /// <summary>The values of the audit event's <c>Outcome</c> property.</summary>
    public static class Outcomes
    {
        public const string Succeeded = "succeeded";
        public const string Partial = "partial";
        public const string Failed = "failed";
        public const string Cancelled = "cancelled";
    }
}
