using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Diagnostics;
using Restic.Net.Failures;
using Restic.Net.Patterns;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual IAsyncEnumerable<SnapshotNode> GetNodesAsync(SnapshotReference snapshot, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.Snapshot(snapshot, allowSubfolder: true);
        options ??= new ListOptions();
        options.Validate();
        if (options.Filter is { } filter)
        {
            Guard.Filter(filter);
        }

        return ListNativeOrCoreAsync(snapshot, options, cancellationToken);
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<FindResult> FindAsync(IReadOnlyList<string> patterns, FindOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        FindQuery.Validate(patterns);
        options ??= new FindOptions();
        options.Validate();

        return FindNativeOrCoreAsync(patterns, options, cancellationToken);
    }

    // The native reader when the client has one that answers find, else restic find.
    private async IAsyncEnumerable<FindResult> FindNativeOrCoreAsync(IReadOnlyList<string> patterns, FindOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await _native.GetAsync(cancellationToken).ConfigureAwait(false);
        var results = reader?.FindAsync(patterns, options, cancellationToken) ?? FindCoreAsync(ResticCommands.Find(patterns, options), cancellationToken);
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<DiffEvent> StreamDiffAsync(SnapshotReference firstSnapshot, SnapshotReference secondSnapshot, DiffOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.Snapshot(firstSnapshot, allowSubfolder: true);
        Guard.Snapshot(secondSnapshot, allowSubfolder: true);
        return DiffNativeOrCoreAsync(firstSnapshot, secondSnapshot, options ?? new DiffOptions(), cancellationToken);
    }

    // The native reader when the client has one that answers diff (any restic version's subfolder syntax), else restic diff.
    private async IAsyncEnumerable<DiffEvent> DiffNativeOrCoreAsync(
        SnapshotReference firstSnapshot,
        SnapshotReference secondSnapshot,
        DiffOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await _native.GetAsync(cancellationToken).ConfigureAwait(false);
        var events = reader?.StreamDiffAsync(firstSnapshot, secondSnapshot, options, cancellationToken)
            ?? DiffCoreAsync(firstSnapshot, secondSnapshot, options, cancellationToken);
        await foreach (var item in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<FileVersion> GetFileHistoryAsync(string path, FileHistoryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        Guard.NodePath(path);
        options ??= new FileHistoryOptions();
        options.Validate();
        return FileHistoryNativeAsync(path, options, cancellationToken);
    }

    // Only the native reader sees content ids: without one there is no answer, and the caller is told why.
    private async IAsyncEnumerable<FileVersion> FileHistoryNativeAsync(string path, FileHistoryOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await _native.GetAsync(cancellationToken).ConfigureAwait(false);
        var versions = reader?.GetFileHistoryAsync(path, options, cancellationToken)
            ?? throw new NotSupportedException(
                "A file history compares the content of each version, which restic's commands do not print: it needs native reads (options.UseNativeReads() from Restic.Net.Repository) "
                + "on a repository the native reader opens (local, REST, S3 with keys, SFTP with an identity file) and a password given as a value or a file.");
        await foreach (var version in versions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return version;
        }
    }

    // The native reader when the client has one for this repository, else restic ls.
    private async IAsyncEnumerable<SnapshotNode> ListNativeOrCoreAsync(SnapshotReference snapshot, ListOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await _native.GetAsync(cancellationToken).ConfigureAwait(false);
        var nodes = reader is null
            ? ListCoreAsync(ResticCommands.Ls(snapshot, options), snapshot, cancellationToken)
            : reader.GetNodesAsync(snapshot, options, cancellationToken);
        await foreach (var node in nodes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return node;
        }
    }

    private async IAsyncEnumerable<SnapshotNode> ListCoreAsync(ResticCommand command, SnapshotReference snapshot, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await RequireSubfolderSyntaxAsync(snapshot, cancellationToken).ConfigureAwait(false);
        var piped = StartPiped(command, null, cancellationToken);
        await using var scope = piped.ConfigureAwait(false);
        var sawSnapshot = false;
        var sawText = false;
        await foreach (var node in ReadLinesAsync<SnapshotNode>(piped, (line, batch) =>
        {
            var kind = ParseListLine(line, batch);
            sawSnapshot |= kind == ListLine.Snapshot;
            sawText |= kind == ListLine.Text;
        }).ConfigureAwait(false))
        {
            yield return node;
        }

        if (!sawSnapshot && sawText)
        {
            // restic names an unknown snapshot on stderr and prints nothing; text without the header is not that.
            throw MissingOutput(await piped.Completion.ConfigureAwait(false), "snapshot line before the nodes");
        }

        if (!sawSnapshot)
        {
            // restic before 0.17 exits 0 and prints nothing for an unknown snapshot ("Ignoring ...: no matching ID found").
            var run = await piped.Completion.ConfigureAwait(false);
            var message = ErrorClassifier.ResticMessage(run);
            throw new ResticSnapshotNotFoundException(
                $"restic ls found no snapshot '{snapshot}'" + (message is null ? "." : ": " + message),
                run.ExitCode,
                run.CommandLine,
                message,
                run.StandardError);
        }
    }

    private enum ListLine
    {
        Node,
        Snapshot,
        Text,
        Other,
    }

    /// <summary>Adds a node line to the batch; returns what the line was.</summary>
    private ListLine ParseListLine(ReadOnlySpan<byte> line, List<SnapshotNode> batch)
    {
        // Nearly every line is a node: one pass, no DTO. Anything else is classified first.
        if (NodeLine.TryRead(line, out var node))
        {
            batch.Add(node);
            return ListLine.Node;
        }

        if (!JsonLine.TryGetMessageType(line, out var type))
        {
            ThrowIfCutObject("ls", line);
            LogText("ls", line);
            return line.Trim(" \t\r"u8).IsEmpty ? ListLine.Other : ListLine.Text;
        }

        switch (type)
        {
            case "node":
                batch.Add(DeserializeLine(line, ResticJsonContext.Default.NodeDto, "ls").ToNode());
                return ListLine.Node;
            case "snapshot":
                // Validated like every snapshot, though only its presence matters here.
                var dto = DeserializeLine(line, ResticJsonContext.Default.SnapshotDto, "ls");
                _ = ProjectLine(line, "ls", dto.ToSnapshot);
                return ListLine.Snapshot;
            default:
                return ListLine.Other;
        }
    }

    /// <summary>
    /// restic prints each item as one JSON object per line and no text line starting with '{': such a line that
    /// is not a whole object was cut (a stopped restic, a full pipe). Reading it as text would drop an item.
    /// </summary>
    private void ThrowIfCutObject(string operation, ReadOnlySpan<byte> line)
    {
        if (line.TrimStart(" \t"u8) is [(byte)'{', ..])
        {
            throw MalformedLine(operation, line, new JsonException("The line is not a whole JSON object."));
        }
    }

    private async IAsyncEnumerable<FindResult> FindCoreAsync(ResticCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var piped = StartPiped(command, null, cancellationToken);
        await using var scope = piped.ConfigureAwait(false);
        var results = JsonSerializer.DeserializeAsyncEnumerable(piped.Pipe.Reader.AsStream(), ResticJsonContext.Default.FindResultDto, CancellationToken.None);
        var enumerator = results.GetAsyncEnumerator(CancellationToken.None);
        await using var enumeratorScope = enumerator.ConfigureAwait(false);
        while (true)
        {
            FindResult result;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }

                result = ToFindResult(enumerator.Current);
            }
            catch (JsonException ex)
            {
                // An empty or broken document: restic's own failure explains it better, if it failed.
                piped.Pipe.Abandon();
                var run = await piped.Completion.ConfigureAwait(false);
                throw MissingOutput(run, "valid JSON document", ex);
            }

            yield return result;
        }

        await piped.Completion.ConfigureAwait(false);
    }

    private static FindResult ToFindResult(FindResultDto? dto)
    {
        if (dto is null || !SnapshotId.TryParse(dto.Snapshot, out var id))
        {
            throw new JsonException($"A find result without a valid snapshot id: '{dto?.Snapshot}'.");
        }

        var matches = dto.Matches ?? [];
        var nodes = new SnapshotNode[matches.Length];
        for (var i = 0; i < matches.Length; i++)
        {
            nodes[i] = matches[i].ToNode();
        }

        return new FindResult { SnapshotId = id, Hits = dto.Hits, Matches = nodes };
    }

    private async IAsyncEnumerable<DiffEvent> DiffCoreAsync(
        SnapshotReference firstSnapshot,
        SnapshotReference secondSnapshot,
        DiffOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await RequireSubfolderSyntaxAsync(firstSnapshot, cancellationToken).ConfigureAwait(false);
        await RequireSubfolderSyntaxAsync(secondSnapshot, cancellationToken).ConfigureAwait(false);

        // restic diff takes ids only ("no matching ID found for prefix latest" on every version): resolve latest first.
        firstSnapshot = await ResolveLatestAsync(firstSnapshot, cancellationToken).ConfigureAwait(false);
        secondSnapshot = await ResolveLatestAsync(secondSnapshot, cancellationToken).ConfigureAwait(false);
        var piped = StartPiped(ResticCommands.Diff(firstSnapshot, secondSnapshot, options), null, cancellationToken);
        await using var scope = piped.ConfigureAwait(false);
        DiffStatistics? statistics = null;
        await foreach (var change in ReadLinesAsync<DiffChange>(piped, (line, batch) => statistics = ParseDiffLine(line, batch) ?? statistics).ConfigureAwait(false))
        {
            yield return new DiffChangeEvent { Change = change };
        }

        if (statistics is null)
        {
            throw MissingOutput(await piped.Completion.ConfigureAwait(false), "diff statistics");
        }

        // restic echoes its two arguments unresolved (source_snapshot, target_snapshot): they are the references given
        // (latest resolved to its id).
        yield return new DiffCompletedEvent { Statistics = statistics with { SourceSnapshot = firstSnapshot, TargetSnapshot = secondSnapshot } };
    }

    /// <summary>The id <c>latest</c> means now, keeping the subfolder; any other reference as it is.</summary>
    private async Task<SnapshotReference> ResolveLatestAsync(SnapshotReference snapshot, CancellationToken cancellationToken)
    {
        if (!snapshot.IsLatest)
        {
            return snapshot;
        }

        SnapshotReference resolved = (await GetSnapshotAsync(SnapshotReference.Latest, null, cancellationToken).ConfigureAwait(false)).Id;
        return snapshot.Subfolder is { } subfolder ? resolved.WithSubfolder(subfolder) : resolved;
    }

    /// <summary>Throws <see cref="ResticNotSupportedException"/> for <c>snapshot:subfolder</c> before restic 0.16, which would read it as an id.</summary>
    private async Task RequireSubfolderSyntaxAsync(SnapshotReference snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.Subfolder is not null)
        {
            RequireSubfolderSyntax(snapshot, await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    private static void RequireSubfolderSyntax(SnapshotReference snapshot, ResticVersion version)
    {
        if (snapshot.Subfolder is not null && !version.Capabilities.SubfolderSyntax)
        {
            throw new ResticNotSupportedException("'snapshot:subfolder'", version.Version, ResticCapabilities.V016);
        }
    }

    private DiffStatistics? ParseDiffLine(ReadOnlySpan<byte> line, List<DiffChange> batch)
    {
        if (!JsonLine.TryGetMessageType(line, out var type))
        {
            ThrowIfCutObject("diff", line);
            LogText("diff", line);
            return null;
        }

        switch (type)
        {
            case "change":
                var change = DeserializeLine(line, ResticJsonContext.Default.DiffChangeDto, "diff");
                batch.Add(new DiffChange { Path = change.Path ?? string.Empty, Modifier = change.Modifier ?? string.Empty });
                return null;
            case "statistics":
                return DeserializeLine(line, ResticJsonContext.Default.DiffStatisticsDto, "diff").ToStatistics();
            default:
                return null;
        }
    }

    private void LogText(string operation, ReadOnlySpan<byte> line)
    {
        var logger = _executor.Logger;
        if (!line.IsEmpty && logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            var text = _executor.Settings.Redactor.Redact(Encoding.UTF8.GetString(line));
            Log.TextOutputLine(logger, operation, text);
        }
    }

    /// <summary>Deserializes one JSON line; a line that does not fit its type throws <see cref="ResticOutputException"/> with the line.</summary>
    private T DeserializeLine<T>(ReadOnlySpan<byte> line, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, string operation)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(line, typeInfo) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw MalformedLine(operation, line, ex);
        }
    }

    private T ProjectLine<T>(ReadOnlySpan<byte> line, string operation, Func<T> project)
    {
        try
        {
            return project();
        }
        catch (JsonException ex)
        {
            throw MalformedLine(operation, line, ex);
        }
    }

    private ResticOutputException MalformedLine(string operation, ReadOnlySpan<byte> line, JsonException ex)
    {
        const int MaxOutput = 400;
        var text = Encoding.UTF8.GetString(line);
        var shown = _executor.Settings.Redactor.Redact(text.Length > MaxOutput ? text[..MaxOutput] + "…" : text);
        return new ResticOutputException($"restic {operation} printed a line that could not be read: {shown} ({ex.Message})", null, null, null, ex, shown);
    }
}
