using Restic.Net.CommandLines;
using Restic.Net.Input;
using Restic.Net.Output;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    private static readonly Version s_stdinFolderFixed = new(0, 18, 1);

    /// <inheritdoc />
    /// <remarks>
    /// If reading <paramref name="content"/> throws, restic is interrupted (SIGINT) while its input is
    /// still open, so that it never stores the data read so far as a complete file: no snapshot is
    /// created, on every restic version, and the content's own exception is rethrown. An empty stream
    /// fails on restic before 0.17 ("snapshot is empty"); 0.17+ stores an incomplete snapshot (exit 3).
    /// Not retried when the repository is locked (the content cannot be read twice); use
    /// <see cref="ResticClientOptions.LockWaitTimeout"/> with restic 0.16+, which waits before reading.
    /// </remarks>
    public virtual async Task<BackupSummary> BackupFromStreamAsync(
        Stream content,
        string fileName,
        StdinBackupOptions? options = null,
        IProgress<BackupProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream must be readable.", nameof(content));
        }

        ValidateStdinFileName(fileName);
        options ??= new StdinBackupOptions();
        options.Validate();
        await RequireStdinFileNameSupportAsync(fileName, cancellationToken).ConfigureAwait(false);

        var input = new GuardedInput(content);
        var command = ResticCommands.BackupStdin(fileName, options) with { StandardInput = input };
        try
        {
            return await ConsumeBackupAsync(StreamCommandBackup(command, cancellationToken), progress).ConfigureAwait(false);
        }
        catch (Exception ex) when (input.Failure is { } failure && !ReferenceEquals(ex, failure.SourceException))
        {
            // restic was interrupted because the content failed: that failure is the cause.
            failure.Throw();
            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// restic runs the command itself and stores its standard output; the command's stderr appears
    /// in restic's (prefixed <c>subprocess</c>). A command that exits with a non-zero code aborts the
    /// backup without a snapshot (<see cref="ResticCommandException"/>).
    /// </remarks>
    public virtual async Task<BackupSummary> BackupFromCommandAsync(
        IReadOnlyList<string> command,
        string fileName,
        StdinBackupOptions? options = null,
        IProgress<BackupProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(command);
        if (command.Count == 0)
        {
            throw new ArgumentException("The command must name a program.", nameof(command));
        }

        Guard.Items(command);
        ValidateStdinFileName(fileName);
        options ??= new StdinBackupOptions();
        options.Validate();
        var version = await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        if (!version.Capabilities.StdinFromCommand)
        {
            throw new ResticNotSupportedException("backup --stdin-from-command", version.Version, new Version(0, 17, 0));
        }

        await RequireStdinFileNameSupportAsync(fileName, cancellationToken).ConfigureAwait(false);
        var backup = ResticCommands.BackupFromCommand(command, fileName, options);
        return await ConsumeBackupAsync(StreamCommandBackup(backup, cancellationToken), progress).ConfigureAwait(false);
    }

    private IAsyncEnumerable<BackupEvent> StreamCommandBackup(ResticCommand command, CancellationToken cancellationToken)
    {
        var queue = new EventQueue<BackupEvent>();
        var parser = new BackupOutputParser(queue, _executor.Logger);
        return StreamAsync(command, queue, parser, static run => run.ExitCode is 0 or 3, run => Complete(run, parser), cancellationToken);
    }

    /// <summary>The summary of a backup stream, reporting its progress; the one place every Task-returning backup ends in.</summary>
    private static async Task<BackupSummary> ConsumeBackupAsync(IAsyncEnumerable<BackupEvent> events, IProgress<BackupProgress>? progress)
    {
        await foreach (var item in events.ConfigureAwait(false))
        {
            switch (item)
            {
                case BackupStatusEvent status:
                    progress?.Report(status.Progress);
                    break;
                case BackupCompletedEvent completed:
                    // restic does not always print a final 100% status; report one so progress bars finish.
                    var s = completed.Summary;
                    progress?.Report(new BackupProgress { PercentDone = 1, Elapsed = s.TotalDuration, Remaining = TimeSpan.Zero, TotalFiles = s.TotalFilesProcessed, FilesDone = s.TotalFilesProcessed, TotalBytes = s.TotalBytesProcessed, BytesDone = s.TotalBytesProcessed, ErrorCount = s.Errors.Count, CurrentFiles = [] });
                    return s;
            }
        }

        throw new InvalidOperationException("The backup stream ended without a summary.");
    }

    private static void ValidateStdinFileName(string fileName)
    {
        Guard.NotNullOrEmptyNoNul(fileName);
        Guard.SingleLine(fileName);
        if (fileName.StartsWith('/') || fileName.EndsWith('/') || fileName.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArgumentException($"The file name must be a relative path without empty, '.' or '..' parts; got '{fileName}'.", nameof(fileName));
        }
    }

    /// <summary>restic 0.18.0 fails when the stdin file name contains a folder (fixed in 0.18.1).</summary>
    private async Task RequireStdinFileNameSupportAsync(string fileName, CancellationToken cancellationToken)
    {
        var version = await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        if (fileName.Contains('/', StringComparison.Ordinal) && version.Version >= new Version(0, 18, 0) && version.Version < s_stdinFolderFixed)
        {
            throw new ResticNotSupportedException("a stdin file name with a folder (broken in restic 0.18.0 only)", version.Version, s_stdinFolderFixed);
        }
    }
}
