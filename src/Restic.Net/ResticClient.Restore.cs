using Restic.Net.CommandLines;
using Restic.Net.Diagnostics;
using Restic.Net.Execution;
using Restic.Net.Failures;
using Restic.Net.Output;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual async Task<RestoreSummary> RestoreAsync(SnapshotReference snapshot, string target, RestoreOptions? options = null, IProgress<RestoreProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await foreach (var item in StreamRestoreAsync(snapshot, target, options, cancellationToken).ConfigureAwait(false))
        {
            switch (item)
            {
                case RestoreStatusEvent status:
                    progress?.Report(status.Progress);
                    break;
                case RestoreCompletedEvent completed:
                    // As for a backup: restic's last status may predate the end; report one so progress bars finish.
                    var s = completed.Summary;
                    if (progress is not null && s.HasStatistics && s.IsComplete)
                    {
                        progress.Report(new RestoreProgress { PercentDone = 1, Elapsed = s.Elapsed ?? TimeSpan.Zero, TotalFiles = s.TotalFiles ?? 0, FilesRestored = s.FilesRestored ?? 0, FilesSkipped = s.FilesSkipped ?? 0, TotalBytes = s.TotalBytes ?? 0, BytesRestored = s.BytesRestored ?? 0, BytesSkipped = s.BytesSkipped ?? 0 });
                    }

                    return s;
            }
        }

        throw new InvalidOperationException("The restore stream ended without a summary.");
    }

    /// <inheritdoc />
    /// <remarks>
    /// restic 0.14 and 0.15 print no JSON for restore: the stream then has no status events and the
    /// summary has no statistics (<see cref="RestoreSummary.HasStatistics"/> is false).
    /// </remarks>
    public virtual IAsyncEnumerable<RestoreEvent> StreamRestoreAsync(SnapshotReference snapshot, string target, RestoreOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.Snapshot(snapshot, allowSubfolder: true);
        Guard.NotNullOrEmptyNoNul(target);
        options = (options ?? new RestoreOptions()) with { Snapshot = snapshot, Target = target };
        options.Validate();
        return StreamRestoreCoreAsync(options, cancellationToken);
    }

    private async IAsyncEnumerable<RestoreEvent> StreamRestoreCoreAsync(RestoreOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var version = await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var capabilities = version.Capabilities;
        if (options.OwnershipByName && !capabilities.RestoreOwnershipByName)
        {
            throw new ResticNotSupportedException("restore --ownership-by-name", version.Version, ResticCapabilities.V019);
        }

        // Before 0.17 restic always overwrites: "always" is what it does anyway, anything else it cannot do.
        if (options.Overwrite is { } overwrite && overwrite != RestoreOverwritePolicy.Always && !capabilities.RestoreOverwritePolicies)
        {
            throw new ResticNotSupportedException($"restore --overwrite={overwrite}", version.Version, ResticCapabilities.V017);
        }

        RequireSubfolderSyntax(options.Snapshot, version);

        var command = ResticCommands.Restore(options, capabilities);
        var queue = new EventQueue<RestoreEvent>();
        var parser = new RestoreOutputParser(queue, _executor.Logger, _executor.Settings.Redactor);
        var target = Path.GetFullPath(options.Target);

        RestoreEvent Complete(ResticRun run)
        {
            var summary = !capabilities.JsonRestore
                ? new RestoreSummary { Target = target, Elapsed = run.Duration }
                : parser.Summary?.ToSummary(target, capabilities) is { } reported // every counter may be omitted when zero
                    ? reported with { Elapsed = run.Duration } // restic's own figure is whole seconds, omitted below one
                    : null;
            if (run.ExitCode != 0)
            {
                // Accepted only with errors listed: restic restored the rest.
                return new RestoreCompletedEvent { Summary = PartialRestore(run, parser.Errors, summary ?? new RestoreSummary { Target = target }) };
            }

            LogCompleted(run);
            var restored = summary ?? throw MissingOutput(run, "summary", output: parser.MalformedLine);
            ResticTelemetry.RecordRestore(_executor.RepositoryName, restored);
            return new RestoreCompletedEvent { Summary = restored };
        }

        // "Fatal: There were N errors": restic restored the rest; the caller gets an incomplete summary with the list.
        bool IsAccepted(ResticRun run) => run.ExitCode == 0 || (run.ExitCode == 1 && parser.Errors.Count > 0);

        await foreach (var item in StreamAsync(command, queue, parser, IsAccepted, Complete, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private RestoreSummary PartialRestore(ResticRun run, IReadOnlyList<RestoreError> errors, RestoreSummary summary)
    {
        var redactor = _executor.Settings.Redactor;
        var redacted = errors.Select(e => new RestoreError { Item = redactor.Redact(e.Item), Message = e.Message is null ? null : redactor.Redact(e.Message) }).ToArray();
        var files = redacted.Select(e => e.Item).Distinct(StringComparer.Ordinal).Count();
        Log.RestoreIncomplete(_executor.Logger, _executor.RepositoryName, summary.Target, files, redacted[0].Item, (long)run.Duration.TotalMilliseconds);
        var partial = summary with { IsComplete = false, Errors = redacted };
        ResticTelemetry.RecordRestore(_executor.RepositoryName, partial);
        return partial;
    }
}
