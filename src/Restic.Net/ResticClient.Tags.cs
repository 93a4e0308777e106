using System.Text;
using Restic.Net.CommandLines;
using Restic.Net.Serialization;

namespace Restic.Net;

public partial class ResticClient
{
    /// <inheritdoc />
    /// <remarks>
    /// restic 0.18+ reports which snapshot became which (<see cref="TagResult.Changes"/>); older
    /// versions print only the count, and <see cref="TagResult.Changes"/> is null there.
    /// </remarks>
    public virtual async Task<TagResult> TagAsync(SnapshotSelection snapshots, TagOptions options, CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var capabilities = (await _executor.GetVersionAsync(cancellationToken).ConfigureAwait(false)).Capabilities;
        var (run, output) = await RunBufferedAsync(ResticCommands.Tag(snapshots, options), cancellationToken).ConfigureAwait(false);
        LogCompleted(run);
        var lines = output.StandardOutputLines;
        if (!capabilities.JsonTag)
        {
            return new TagResult { ChangedSnapshots = TextOutput.ParseTagCount(lines) ?? throw MissingOutput(run, "tag count", output: string.Join('\n', lines)) };
        }

        // "create exclusive lock for repository" precedes the JSON lines as text.
        var changes = new List<SnapshotChange>();
        long? count = null;
        foreach (var line in lines)
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            if (!JsonLine.TryGetMessageType(bytes, out var type))
            {
                continue;
            }

            var dto = ResticJson.TryDeserialize(bytes, ResticJsonContext.Default.TagLineDto) ?? throw MissingOutput(run, "valid tag line", output: line);
            if (type == "changed" && SnapshotId.TryParse(dto.OldSnapshotId, out var old) && SnapshotId.TryParse(dto.NewSnapshotId, out var changed))
            {
                changes.Add(new SnapshotChange { OldId = old, NewId = changed, OldRemoved = true });
            }
            else if (type == MessageTypes.Summary)
            {
                count = dto.ChangedSnapshots;
            }
        }

        return new TagResult { ChangedSnapshots = count ?? throw MissingOutput(run, "tag summary", output: string.Join('\n', lines)), Changes = changes };
    }
}
