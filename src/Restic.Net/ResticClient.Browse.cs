using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Diagnostics;
using Restic.Net.Failures;
using Restic.Net.Secrets;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    public virtual SnapshotListing ListAsync(string snapshot, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.SnapshotReference(snapshot);
        options ??= new ListOptions();
        options.Validate();
        if (options.Filter is { } filter)
        {
            ValidateFilter(filter);
        }

        var command = ResticCommands.Ls(snapshot, options);
        return new SnapshotListing((listing, enumeratorToken) => ListCoreAsync(command, snapshot, listing, cancellationToken, enumeratorToken));
    }

    /// <inheritdoc />
    public virtual IAsyncEnumerable<FindResult> FindAsync(IReadOnlyList<string> patterns, FindOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0)
        {
            throw new ArgumentException("At least one pattern is required.", nameof(patterns));
        }

        Guard.Items(patterns);
        options ??= new FindOptions();
        options.Validate();
        if (options.Filter is { } filter)
        {
            ValidateFilter(filter);
        }

        return FindCoreAsync(ResticCommands.Find(patterns, options), cancellationToken);
    }

    /// <inheritdoc />
    public virtual SnapshotDiff DiffAsync(string firstSnapshot, string secondSnapshot, DiffOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.SnapshotReference(firstSnapshot);
        Guard.SnapshotReference(secondSnapshot);
        var command = ResticCommands.Diff(firstSnapshot, secondSnapshot, options ?? new DiffOptions());
        return new SnapshotDiff((diff, enumeratorToken) => DiffCoreAsync(command, diff, cancellationToken, enumeratorToken));
    }

    private async IAsyncEnumerable<SnapshotNode> ListCoreAsync(
        ResticCommand command,
        string snapshot,
        SnapshotListing listing,
        CancellationToken cancellationToken,
        [EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        listing.Snapshot = null;
        var piped = StartPiped(command, null, cancellationToken, enumeratorToken);
        await using var scope = piped.ConfigureAwait(false);
        await foreach (var node in ReadLinesAsync<SnapshotNode>(piped, (line, batch) => ParseListLine(line, batch, listing)).ConfigureAwait(false))
        {
            yield return node;
        }

        if (listing.Snapshot is null)
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

    private void ParseListLine(ReadOnlySpan<byte> line, List<SnapshotNode> batch, SnapshotListing listing)
    {
        // Nearly every line is a node: one pass, no DTO. Anything else is classified first.
        if (NodeLine.TryRead(line, out var node))
        {
            batch.Add(node);
            return;
        }

        if (!JsonLine.TryGetMessageType(line, out var type))
        {
            LogText("ls", line);
            return;
        }

        switch (type)
        {
            case "node":
                batch.Add(DeserializeLine(line, ResticJsonContext.Default.NodeDto, "ls").ToNode());
                break;
            case "snapshot":
                var dto = DeserializeLine(line, ResticJsonContext.Default.SnapshotDto, "ls");
                listing.Snapshot = ProjectLine(line, "ls", dto.ToSnapshot);
                break;
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

    private async IAsyncEnumerable<DiffChange> DiffCoreAsync(
        ResticCommand command,
        SnapshotDiff diff,
        CancellationToken cancellationToken,
        [EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        diff.Statistics = null;
        var piped = StartPiped(command, null, cancellationToken, enumeratorToken);
        await using var scope = piped.ConfigureAwait(false);
        DiffStatistics? statistics = null;
        await foreach (var change in ReadLinesAsync<DiffChange>(piped, (line, batch) => statistics = ParseDiffLine(line, batch) ?? statistics).ConfigureAwait(false))
        {
            yield return change;
        }

        diff.Statistics = statistics ?? throw MissingOutput(await piped.Completion.ConfigureAwait(false), "diff statistics");
    }

    private DiffStatistics? ParseDiffLine(ReadOnlySpan<byte> line, List<DiffChange> batch)
    {
        if (!JsonLine.TryGetMessageType(line, out var type))
        {
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
