using Restic.Net.CommandLines;
using Restic.Net.Diagnostics;
using Restic.Net.Execution;
using Restic.Net.Input;
using Restic.Net.Output;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual async Task<BackupSummary> BackupAsync(IReadOnlyList<string> paths, BackupOptions? options = null, IProgress<BackupProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        return await ConsumeBackupAsync(StreamBackupAsync(paths, options, cancellationToken), progress).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Paths of more than 64 KiB in all (thousands of them) reach restic through a private temporary file
    /// (<c>--files-from-raw</c>) instead of the command line, which the operating system limits; the file is
    /// deleted when the backup ends.
    /// </remarks>
    public virtual IAsyncEnumerable<BackupEvent> StreamBackupAsync(IReadOnlyList<string> paths, BackupOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.Paths(paths);
        options = (options ?? new BackupOptions()) with { Paths = paths };
        options.Validate();
        return StreamBackupCoreAsync(options, cancellationToken);
    }

    private async IAsyncEnumerable<BackupEvent> StreamBackupCoreAsync(BackupOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var pathList = PathListFile.CreateIfNeeded(options.Paths);
        var command = ResticCommands.Backup(options, pathList?.Path);
        var queue = new EventQueue<BackupEvent>();
        var parser = new BackupOutputParser(queue, _executor.Logger, _executor.Settings.Redactor);

        // Exit code 3: the snapshot was created without some unreadable files.
        await foreach (var item in StreamAsync(command, queue, parser, static run => run.ExitCode is 0 or 3, run => Complete(run, parser), cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private BackupCompletedEvent Complete(ResticRun run, BackupOutputParser parser)
    {
        if (parser.Summary is not { } dto)
        {
            throw MissingOutput(run, "summary", output: parser.MalformedLine);
        }

        // A missing source path: restic 0.19+ exits 3, older versions 0; incomplete on every version.
        var summary = dto.ToSummary(isComplete: run.ExitCode == 0 && !parser.SourceMissing, parser.Errors);
        var snapshot = summary.SnapshotId?.ToShortString() ?? "(none)";
        if (summary.IsComplete)
        {
            Log.BackupCompleted(_executor.Logger, _executor.RepositoryName, snapshot, summary.FilesNew, summary.FilesChanged, summary.FilesUnmodified, summary.DataAdded, (long)run.Duration.TotalMilliseconds);
        }
        else
        {
            Log.BackupIncomplete(_executor.Logger, _executor.RepositoryName, snapshot, summary.FilesNew, summary.FilesChanged, summary.DataAdded, summary.Errors.Count, (long)run.Duration.TotalMilliseconds);
        }

        ResticTelemetry.RecordBackup(_executor.RepositoryName, summary);

        return new BackupCompletedEvent { Summary = summary };
    }
}
