using System.Globalization;
using System.Text.RegularExpressions;

namespace Restic.Net.Serialization;

/// <summary>Parsers for commands that print only text (prune, unlock, and older versions' init/check).</summary>
internal static partial class TextOutput
{
    /// <summary>Reads the statistics block of <c>prune</c> (same layout 0.14–0.18).</summary>
    public static PruneResult ParsePrune(IReadOnlyList<string> lines, bool dryRun)
    {
        (long? Blobs, long? Bytes) Row(string label)
        {
            foreach (var line in lines)
            {
                var match = PruneRow().Match(line);
                if (match.Success && match.Groups["label"].Value == label)
                {
                    return (long.Parse(match.Groups["blobs"].Value, CultureInfo.InvariantCulture), ParseSize(match.Groups["size"].Value));
                }
            }

            return (null, null);
        }

        var repack = Row("to repack");
        var removes = Row("this removes");
        var delete = Row("to delete");
        var total = Row("total prune");
        var remaining = Row("remaining");
        long? unused = null;
        foreach (var line in lines)
        {
            var match = UnusedRow().Match(line);
            if (match.Success)
            {
                unused = ParseSize(match.Groups["size"].Value);
            }
        }

        return new PruneResult
        {
            IsDryRun = dryRun,
            RepackBlobs = repack.Blobs,
            RepackBytes = repack.Bytes,
            RemovedBlobs = removes.Blobs,
            RemovedBytes = removes.Bytes,
            DeletedBlobs = delete.Blobs,
            DeletedBytes = delete.Bytes,
            TotalPrunedBlobs = total.Blobs,
            TotalPrunedBytes = total.Bytes,
            RemainingBlobs = remaining.Blobs,
            RemainingBytes = remaining.Bytes,
            UnusedBytesAfterPrune = unused,
            Output = lines.Where(l => !ProgressLine().IsMatch(l)).ToArray(),
        };
    }

    /// <summary>
    /// The count of "successfully removed 2 locks" (0.15 to 0.18, only when some were removed); null when
    /// restic did not print it: 0.14 ("successfully removed locks"), nothing to remove, or 0.19+, whose
    /// <c>unlock --json</c> prints nothing at all.
    /// </summary>
    public static int? ParseUnlockCount(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            var match = UnlockCount().Match(line);
            if (match.Success)
            {
                return int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>
    /// The snapshots <c>forget</c> could not remove: "unable to remove snapshot/&lt;64 hex&gt; from the
    /// repository" on stderr (every version; 0.19+ then exits 3, older versions 0).
    /// </summary>
    public static IReadOnlyList<SnapshotId> ParseNotRemovedSnapshots(IReadOnlyList<string> lines)
    {
        var ids = new List<SnapshotId>();
        foreach (var line in lines)
        {
            if (NotRemovedSnapshot().Match(line) is { Success: true } match)
            {
                ids.Add(SnapshotId.Parse(match.Groups["id"].Value));
            }
        }

        return ids;
    }

    /// <summary>The 64-hex ids of a <c>list</c> output, one per line; other lines are skipped.</summary>
    public static IReadOnlyList<string> ParseIds(IReadOnlyList<string> lines) =>
        lines.Select(l => l.Trim()).Where(l => l.Length == 64 && l.All(char.IsAsciiHexDigit)).ToArray();

    /// <summary>A size as restic prints it (<c>5.634 KiB</c>, <c>0 B</c>), in bytes; restic rounds to 3 decimals.</summary>
    public static long? ParseSize(string text)
    {
        var match = Size().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var value = double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
        var factor = match.Groups["unit"].Value switch
        {
            "B" => 1d,
            "KiB" => 1024d,
            "MiB" => 1024d * 1024,
            "GiB" => 1024d * 1024 * 1024,
            "TiB" => 1024d * 1024 * 1024 * 1024,
            "PiB" => 1024d * 1024 * 1024 * 1024 * 1024,
            _ => double.NaN,
        };
        return double.IsNaN(factor) ? null : (long)Math.Round(value * factor);
    }

    [GeneratedRegex(@"^(?<label>to repack|this removes|to delete|total prune|remaining):\s+(?<blobs>\d+) blobs / (?<size>[\d.]+ [KMGTP]?i?B)", RegexOptions.CultureInvariant)]
    private static partial Regex PruneRow();

    [GeneratedRegex(@"^unused size after prune:\s+(?<size>[\d.]+ [KMGTP]?i?B)", RegexOptions.CultureInvariant)]
    private static partial Regex UnusedRow();

    [GeneratedRegex(@"^\[\d+:\d+(:\d+)?\]", RegexOptions.CultureInvariant)]
    private static partial Regex ProgressLine();

    [GeneratedRegex(@"successfully removed (?<count>\d+) locks?", RegexOptions.CultureInvariant)]
    private static partial Regex UnlockCount();

    [GeneratedRegex(@"unable to remove snapshot/(?<id>[0-9a-f]{64}) from the repository", RegexOptions.CultureInvariant)]
    private static partial Regex NotRemovedSnapshot();

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?) (?<unit>[KMGTP]?i?B)$", RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
