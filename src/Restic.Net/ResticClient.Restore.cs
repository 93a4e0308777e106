using Restic.Net.Diagnostics;
using Restic.Net.Execution;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual async Task<RestoreSummary> RestoreAsync(RestoreOptions options, IProgress<RestoreProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await foreach (var item in StreamRestoreAsync(options, cancellationToken).ConfigureAwait(false))
        {
            switch (item)
            {
                case RestoreStatusEvent status:
                    progress?.Report(status.Progress);
                    break;
                case RestoreCompletedEvent completed:
                    return completed.Summary;
            }
        }

        throw new InvalidOperationException("The restore stream ended without a summary.");
    }

    /// <inheritdoc />
    /// <remarks>
    /// restic 0.14 and 0.15 print no JSON for restore: the stream then has no status events and the
    /// summary has no statistics (<see cref="RestoreSummary.HasStatistics"/> is false).
    /// </remarks>
    public virtual IAsyncEnumerable<RestoreEvent> StreamRestoreAsync(RestoreOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return StreamRestoreCoreAsync(options, cancellationToken);
    }

    private async IAsyncEnumerable<RestoreEvent> StreamRestoreCoreAsync(RestoreOptions options, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var capabilities = (await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false)).Capabilities;
        var command = ResticCommands.Restore(options, capabilities);
        var queue = new EventQueue<RestoreEvent>();
        var parser = new RestoreOutputParser(queue, _executor.Logger, _executor.Settings.Redactor);
        var target = Path.GetFullPath(options.Target);

        RestoreEvent Complete(ResticRun run)
        {
            LogCompleted(run);
            if (!capabilities.JsonRestore)
            {
                return new RestoreCompletedEvent(new RestoreSummary { Target = target, Elapsed = run.Duration });
            }

            // 0.16 printed a summary only at the end; every counter may be omitted when zero.
            var restored = parser.Summary is { } summary
                ? summary.ToSummary(target, capabilities)
                : throw MissingOutput(run, "summary");
            ResticTelemetry.RecordRestore(_executor.RepositoryName, restored);
            return new RestoreCompletedEvent(restored);
        }

        await foreach (var item in StreamAsync(command, queue, parser, static run => run.ExitCode == 0, Complete, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
