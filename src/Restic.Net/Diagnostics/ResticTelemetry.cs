using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Restic.Net.Diagnostics;

/// <summary>
/// The library's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Restic.Net</c>,
/// and its instruments (documented in docs/logging.md). Tag values are redacted before they get here.
/// </summary>
internal static class ResticTelemetry
{
    public const string Name = "Restic.Net";

    public const string OperationTag = "restic.operation";
    public const string RepositoryTag = "restic.repository";
    public const string OutcomeTag = "restic.outcome";
    public const string ErrorTypeTag = "error.type";
    public const string ExitCodeTag = "process.exit.code";
    public const string FileStateTag = "restic.file.state";
    public const string AttemptsTag = "restic.attempts";
    public const string SnapshotIdTag = "restic.snapshot.id";

    private static readonly string? s_version = typeof(ResticTelemetry).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static ActivitySource Source { get; } = new(Name, s_version);

    public static Meter Meter { get; } = new(Name, s_version);

    public static Histogram<double> OperationDuration { get; } = Meter.CreateHistogram<double>(
        "restic.operation.duration", "s", "Duration of restic commands, including retries.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200] });

    public static Counter<long> Errors { get; } = Meter.CreateCounter<long>(
        "restic.errors", "{error}", "restic commands that failed, by error type.");

    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>(
        "restic.retries", "{retry}", "Attempts of a restic command after the first one, by the error that caused the retry.");

    public static Counter<long> LockWaits { get; } = Meter.CreateCounter<long>(
        "restic.lock.waits", "{wait}", "Times a restic command found the repository locked and waited to retry.");

    public static Counter<long> BytesProcessed { get; } = Meter.CreateCounter<long>(
        "restic.bytes.processed", "By", "Bytes read by backups and written by restores.");

    public static Counter<long> BytesAdded { get; } = Meter.CreateCounter<long>(
        "restic.bytes.added", "By", "Bytes of new data that backups added to the repository (before compression).");

    public static Counter<long> Files { get; } = Meter.CreateCounter<long>(
        "restic.files", "{file}", "Files processed by backups (new, changed, unmodified) and restores (restored, skipped).");

    /// <summary>Starts the telemetry of one restic command: a span, and on completion the duration and error metrics.</summary>
    public static CommandTelemetry StartCommand(string operation, string repository, TimeProvider time) =>
        new(operation, repository, time);

    /// <summary>Records the figures of a finished backup.</summary>
    public static void RecordBackup(string repository, BackupSummary summary)
    {
        var operation = new KeyValuePair<string, object?>(OperationTag, "backup");
        var repo = new KeyValuePair<string, object?>(RepositoryTag, repository);
        BytesProcessed.Add(summary.TotalBytesProcessed, operation, repo);
        BytesAdded.Add(summary.DataAdded, operation, repo);
        Files.Add(summary.FilesNew, operation, repo, new(FileStateTag, "new"));
        Files.Add(summary.FilesChanged, operation, repo, new(FileStateTag, "changed"));
        Files.Add(summary.FilesUnmodified, operation, repo, new(FileStateTag, "unmodified"));
    }

    /// <summary>Records the figures of a finished restore, where restic reported them (0.16+).</summary>
    public static void RecordRestore(string repository, RestoreSummary summary)
    {
        var operation = new KeyValuePair<string, object?>(OperationTag, "restore");
        var repo = new KeyValuePair<string, object?>(RepositoryTag, repository);
        if (summary.BytesRestored is { } bytes)
        {
            BytesProcessed.Add(bytes, operation, repo);
        }

        if (summary.FilesRestored is { } restored)
        {
            Files.Add(restored, operation, repo, new(FileStateTag, "restored"));
        }

        if (summary.FilesSkipped is { } skipped)
        {
            Files.Add(skipped, operation, repo, new(FileStateTag, "skipped"));
        }
    }

}
