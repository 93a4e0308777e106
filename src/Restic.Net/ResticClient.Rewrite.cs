using Restic.Net.CommandLines;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    /// <remarks>restic prints text only: the result names snapshots by short id.</remarks>
    public virtual async Task<RewriteResult> RewriteAsync(SnapshotSelection snapshots, RewriteOptions options, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var version = await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        if (!version.Capabilities.Rewrite)
        {
            throw new ResticNotSupportedException("rewrite", version.Version, new Version(0, 15, 0));
        }

        if (options.UsesIncludes && !version.Capabilities.RewriteIncludes)
        {
            throw new ResticNotSupportedException("rewrite with include patterns", version.Version, ResticCapabilities.V019);
        }

        var (run, output) = await RunBufferedAsync(ResticCommands.Rewrite(snapshots, options), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return ParseText(run, output.StandardOutputLines, lines => TextOutput.ParseRewrite(lines, options.DryRun));
    }

    /// <inheritdoc />
    /// <remarks>Runs <c>repair index</c> on restic 0.16+ and <c>rebuild-index</c> before.</remarks>
    public virtual async Task<RepairIndexResult> RepairIndexAsync(RepairIndexOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new RepairIndexOptions();
        var version = await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var (run, output) = await RunBufferedAsync(ResticCommands.RepairIndex(options, version.Capabilities), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return new RepairIndexResult { Output = TextOutput.WithoutProgress(output.StandardOutputLines) };
    }

    /// <inheritdoc />
    public virtual async Task<RewriteResult> RepairSnapshotsAsync(RepairSnapshotsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new RepairSnapshotsOptions();
        options.Validate();

        var version = await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        if (!version.Capabilities.Repair)
        {
            throw new ResticNotSupportedException("repair snapshots", version.Version, new Version(0, 16, 0));
        }

        var (run, output) = await RunBufferedAsync(ResticCommands.RepairSnapshots(options), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        return ParseText(run, output.StandardOutputLines, lines => TextOutput.ParseRewrite(lines, options.DryRun));
    }
}
