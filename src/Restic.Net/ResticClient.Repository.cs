using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using Restic.Net.CommandLines;
using Restic.Net.Execution;
using Restic.Net.Failures;
using Restic.Net.Output;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual async Task<RepositoryInfo> InitAsync(InitOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new InitOptions();
        options.Validate();
        var (initRun, _) = await RunBufferedAsync(ResticCommands.Init(options), cancellationToken).ConfigureAwait(false);

        // init prints a short id on 0.14 and no version at all: the config is the one source for both.
        var (run, output) = await RunBufferedAsync(ResticCommands.CatConfig(), cancellationToken).ConfigureAwait(false);
        LogCompleted(initRun, run.Duration);
        return ParseConfig(run, output);
    }

    /// <inheritdoc />
    public virtual async Task<IReadOnlyList<Snapshot>> GetSnapshotsAsync(SnapshotsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new SnapshotsOptions();
        var filter = options.Filter ?? new SnapshotFilter();
        options.Validate();
        Guard.Filter(filter);
        if (await _native.GetAsync(cancellationToken).ConfigureAwait(false) is { } reader)
        {
            return await reader.GetSnapshotsAsync(options, cancellationToken).ConfigureAwait(false);
        }

        var (run, output) = await RunBufferedAsync(ResticCommands.Snapshots(filter, options.Latest), cancellationToken).ConfigureAwait(false);
        var snapshots = ParseDocument(run, output, ResticJsonContext.Default.SnapshotDtoArray);
        LogCompleted(run);
        return ProjectOrThrow(run, output, () => Array.ConvertAll(snapshots, Projections.ToSnapshot));
    }

    /// <inheritdoc />
    public virtual async Task<Snapshot> GetSnapshotAsync(SnapshotReference snapshot, SnapshotFilter? filter = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.Snapshot(snapshot, allowSubfolder: false);
        if (filter is not null)
        {
            Guard.Filter(filter);
        }

        if (await _native.GetAsync(cancellationToken).ConfigureAwait(false) is { } reader)
        {
            return await reader.GetSnapshotAsync(snapshot, filter, cancellationToken).ConfigureAwait(false);
        }

        var (run, output) = await RunBufferedAsync(ResticCommands.Snapshot(snapshot, filter ?? new SnapshotFilter()), cancellationToken).ConfigureAwait(false);
        var snapshots = ParseDocument(run, output, ResticJsonContext.Default.SnapshotDtoArray);
        LogCompleted(run);
        var found = ProjectOrThrow(run, output, () => Array.ConvertAll(snapshots, Projections.ToSnapshot));
        return found.Length switch
        {
            1 => found[0],

            // restic prints "Ignoring ...: no matching ID found" (or "no snapshot matched given filter") and an empty list.
            0 => throw NotFound(run, $"No snapshot matches '{snapshot}'"),
            _ => throw NotFound(run, $"'{snapshot}' matches {found.Length} snapshots"),
        };

        static ResticSnapshotNotFoundException NotFound(ResticRun run, string what)
        {
            var message = ErrorClassifier.ResticMessage(run);
            return new ResticSnapshotNotFoundException(what + (message is null ? "." : ": " + message), run.ExitCode, run.CommandLine, message, run.StandardError);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Runs <c>snapshots --group-by</c> without <c>--latest</c> and keeps the newest snapshots of each group
    /// itself: restic before 0.19 applied <c>--latest</c> per host and paths inside other groupings.
    /// </remarks>
    public virtual async Task<IReadOnlyList<SnapshotGroup>> GetSnapshotGroupsAsync(SnapshotGrouping groupBy, SnapshotsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        if ((groupBy & ~(SnapshotGrouping.Host | SnapshotGrouping.Paths | SnapshotGrouping.Tags)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "Group by Host, Paths and/or Tags.");
        }

        options ??= new SnapshotsOptions();
        var filter = options.Filter ?? new SnapshotFilter();
        options.Validate();
        Guard.Filter(filter);
        var (run, output) = await RunBufferedAsync(ResticCommands.SnapshotGroups(groupBy, filter), cancellationToken).ConfigureAwait(false);
        var groups = ParseDocument(run, output, ResticJsonContext.Default.SnapshotGroupDtoArray);
        LogCompleted(run);
        return ProjectOrThrow(run, output, () => Projections.ToGroups(groups, options.Latest));
    }

    /// <inheritdoc />
    public virtual async Task<RepositoryStats> GetStatsAsync(StatsOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        options ??= new StatsOptions();
        options.Validate();

        var (stats, run) = await RunStatsAsync(options, options.Mode, cancellationToken).ConfigureAwait(false);
        if (!options.IncludeDeduplicationRatio || options.Mode != StatsMode.RestoreSize)
        {
            LogCompleted(run);
            return stats;
        }

        var (raw, rawRun) = await RunStatsAsync(options, StatsMode.RawData, cancellationToken).ConfigureAwait(false);
        LogCompleted(run, rawRun.Duration);
        var unique = raw.TotalUncompressedSize ?? raw.TotalSize;
        return stats with
        {
            StoredSize = raw.TotalSize,
            TotalBlobCount = raw.TotalBlobCount,
            TotalUncompressedSize = raw.TotalUncompressedSize,
            CompressionRatio = raw.CompressionRatio,
            CompressionProgress = raw.CompressionProgress,
            CompressionSpaceSaving = raw.CompressionSpaceSaving,
            DeduplicationRatio = unique == 0 ? null : (double)stats.TotalSize / unique,
        };
    }

    private async Task<(RepositoryStats Stats, ResticRun Run)> RunStatsAsync(StatsOptions options, StatsMode mode, CancellationToken cancellationToken)
    {
        var (run, output) = await RunBufferedAsync(ResticCommands.Stats(options, mode), cancellationToken).ConfigureAwait(false);
        var stats = ParseDocument(run, output, ResticJsonContext.Default.StatsDto);
        return (stats.ToStats(mode), run);
    }

    private async Task<(ResticRun Run, BufferingSink Output)> RunBufferedAsync(
        ResticCommand command,
        CancellationToken cancellationToken,
        Func<ResticRun, bool>? isAccepted = null)
    {
        var output = new BufferingSink();
        var run = await _executor.RunAsync(command, output, cancellationToken, isAccepted).ConfigureAwait(false);
        return (run, output);
    }

    private T ParseDocument<T>(ResticRun run, BufferingSink output, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return ResticJson.DeserializeDocument(output.StandardOutput, typeInfo);
        }
        catch (JsonException ex)
        {
            throw MissingOutput(run, "valid JSON document", ex, System.Text.Encoding.UTF8.GetString(output.StandardOutput));
        }
    }

    /// <summary>Reads restic's text with a <see cref="TextOutput"/> parser; text it cannot read is a <see cref="ResticOutputException"/>.</summary>
    private T ParseText<T>(ResticRun run, IReadOnlyList<string> lines, Func<IReadOnlyList<string>, T> parse)
    {
        try
        {
            return parse(lines);
        }
        catch (FormatException ex)
        {
            throw MissingOutput(run, ex.Message, output: string.Join('\n', lines));
        }
    }

    private T ProjectOrThrow<T>(ResticRun run, BufferingSink output, Func<T> project)
    {
        try
        {
            return project();
        }
        catch (JsonException ex)
        {
            throw MissingOutput(run, "valid JSON document", ex, System.Text.Encoding.UTF8.GetString(output.StandardOutput));
        }
    }
}
