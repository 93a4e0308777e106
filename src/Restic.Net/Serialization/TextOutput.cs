using System.Globalization;
using System.Text.RegularExpressions;

namespace Restic.Net.Serialization;

/// <summary>
/// Parsers of the text restic prints where it has no JSON: prune, unlock, forget failures, tag (before 0.18),
/// key, copy, rewrite, repair and cache. A parser whose result would claim something the text does not say
/// (no statistics, nothing copied, no locks) throws <see cref="FormatException"/> naming what is missing when
/// the text lacks the line restic always prints: output that cannot be read is never an empty result.
/// </summary>
internal static partial class TextOutput
{
    /// <summary>
    /// Reads the statistics block of <c>prune</c> (same layout 0.14–0.19), which restic prints even when there
    /// is nothing to prune, and, unless a dry run, the <c>done</c> it ends with.
    /// </summary>
    /// <exception cref="FormatException">A row of the block or the final <c>done</c> is missing.</exception>
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

        if (repack.Blobs is null || removes.Blobs is null || delete.Blobs is null || total.Blobs is null || remaining.Blobs is null || unused is null)
        {
            throw new FormatException("prune statistics (to repack, this removes, to delete, total prune, remaining, unused size after prune)");
        }

        if (!dryRun && !lines.Any(l => l == "done"))
        {
            throw new FormatException("end of prune ('done')");
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

    /// <summary>The 64-hex ids of a <c>list</c> output, one per line (restic prints nothing else there).</summary>
    /// <exception cref="FormatException">A line is not an id: the output was cut or is not restic's.</exception>
    public static IReadOnlyList<string> ParseIds(IReadOnlyList<string> lines)
    {
        var ids = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            var id = line.Trim();
            if (id.Length == 0)
            {
                continue;
            }

            if (id.Length != 64 || !id.All(char.IsAsciiHexDigit))
            {
                throw new FormatException("list of ids (one 64-digit hexadecimal id per line)");
            }

            ids.Add(id);
        }

        return ids;
    }

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

    [GeneratedRegex(@"unable to remove snapshot/(?<id>[0-9a-f]{64}) from the repository", RegexOptions.CultureInvariant)]
    private static partial Regex NotRemovedSnapshot();

    [GeneratedRegex(@"^(?<value>\d+(\.\d+)?) (?<unit>[KMGTP]?i?B)$", RegexOptions.CultureInvariant)]
    private static partial Regex Size();

    /// <summary>"modified tags on 3 snapshots" or "no snapshots were modified" (restic before 0.18).</summary>
    public static long? ParseTagCount(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (TagCount().Match(line) is { Success: true } match)
            {
                return long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
            }

            if (line.StartsWith("no snapshots were modified", StringComparison.Ordinal))
            {
                return 0;
            }
        }

        return null;
    }

    /// <summary>"saved new key with ID &lt;64 hex&gt;" (0.17+); older versions print no id.</summary>
    public static string? ParseNewKeyId(IReadOnlyList<string> lines) =>
        lines.Select(l => NewKeyId().Match(l)).FirstOrDefault(m => m.Success)?.Groups["id"].Value;

    /// <summary>
    /// The blocks of <c>copy</c>. Before 0.19 each snapshot is copied on its own: "snapshot X of [...]"
    /// then "snapshot Y saved". restic 0.19 copies in batches and names the source when it saves:
    /// "snapshot Y saved, copied from source snapshot X", after all the blocks of its batch. Either way
    /// "skipping source snapshot X, was already copied to snapshot Y" (with <c>--verbose</c>).
    /// </summary>
    /// <exception cref="FormatException">
    /// A snapshot block ends neither copied nor skipped, or text was printed without any block (restic prints
    /// nothing when there is nothing to copy).
    /// </exception>
    public static CopyResult ParseCopy(IReadOnlyList<string> lines)
    {
        var copied = new List<CopiedSnapshot>();
        var skipped = new List<CopiedSnapshot>();
        var blocks = new List<SnapshotId>();
        SnapshotId? current = null;
        foreach (var line in lines)
        {
            if (SnapshotBlock().Match(line) is { Success: true } block)
            {
                current = SnapshotId.Parse(block.Groups["id"].Value);
                blocks.Add(current.Value);
            }
            else if (CopySavedFrom().Match(line) is { Success: true } savedFrom)
            {
                copied.Add(new CopiedSnapshot { SourceId = SnapshotId.Parse(savedFrom.Groups["source"].Value), TargetId = SnapshotId.Parse(savedFrom.Groups["id"].Value) });
                current = null;
            }
            else if (CopySaved().Match(line) is { Success: true } saved && current is { } source)
            {
                copied.Add(new CopiedSnapshot { SourceId = source, TargetId = SnapshotId.Parse(saved.Groups["id"].Value) });
                current = null;
            }
            else if (CopySkipped().Match(line) is { Success: true } skip)
            {
                skipped.Add(new CopiedSnapshot { SourceId = SnapshotId.Parse(skip.Groups["source"].Value), TargetId = SnapshotId.Parse(skip.Groups["target"].Value) });
                current = null;
            }
        }

        var output = WithoutProgress(lines);
        var settled = copied.Concat(skipped).Select(c => c.SourceId).ToList();
        if (blocks.Count == 0 ? output.Any(l => l.Trim().Length > 0) : blocks.Any(b => !settled.Contains(b)))
        {
            throw new FormatException("end of every snapshot's copy ('snapshot … saved' or 'skipping source snapshot …')");
        }

        return new CopyResult { Copied = copied, Skipped = skipped, Output = output };
    }

    /// <summary>
    /// The blocks of <c>rewrite</c> and <c>repair snapshots</c>: "snapshot X of [...]", then "saved new
    /// snapshot Y" or "would save new snapshot", and "removed old snapshot X"; last the count, which restic
    /// always prints ("modified 3 snapshots", "no snapshots were modified").
    /// </summary>
    /// <exception cref="FormatException">The count is missing.</exception>
    public static RewriteResult ParseRewrite(IReadOnlyList<string> lines, bool dryRun)
    {
        var changes = new List<SnapshotChange>();
        SnapshotId? current = null;
        long? count = null;
        foreach (var line in lines)
        {
            if (SnapshotBlock().Match(line) is { Success: true } block)
            {
                current = SnapshotId.Parse(block.Groups["id"].Value);
            }
            else if (RewriteSaved().Match(line) is { Success: true } saved && current is { } old)
            {
                changes.Add(new SnapshotChange { OldId = old, NewId = SnapshotId.Parse(saved.Groups["id"].Value) });
            }
            else if (line.StartsWith("would save new snapshot", StringComparison.Ordinal) && current is { } planned)
            {
                changes.Add(new SnapshotChange { OldId = planned, NewId = null });
            }
            else if (RewriteRemoved().Match(line) is { Success: true } removed)
            {
                var id = SnapshotId.Parse(removed.Groups["id"].Value);
                var index = changes.FindLastIndex(c => c.OldId == id);
                if (index >= 0)
                {
                    changes[index] = changes[index] with { OldRemoved = true };
                }
            }
            else if (RewriteCount().Match(line) is { Success: true } total)
            {
                count = long.Parse(total.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("no snapshots were modified", StringComparison.Ordinal) || line.StartsWith("no snapshots would be modified", StringComparison.Ordinal))
            {
                count = 0;
            }
        }

        if (count is null)
        {
            throw new FormatException("count of modified snapshots ('modified N snapshots' or 'no snapshots were modified')");
        }

        return new RewriteResult { IsDryRun = dryRun, ModifiedSnapshots = count.Value, Changes = changes, Output = WithoutProgress(lines) };
    }

    /// <summary>
    /// The table of <c>cache</c> and its "N cache dirs in PATH" footer, or "no cache dirs found, basedir is
    /// PATH" when there is no table.
    /// </summary>
    /// <exception cref="FormatException">Neither the footer nor the "no cache dirs" line was printed.</exception>
    public static CacheInfo ParseCache(IReadOnlyList<string> lines)
    {
        var entries = new List<CacheEntry>();
        string? directory = null;
        foreach (var line in lines)
        {
            if (CacheRow().Match(line) is { Success: true } row)
            {
                entries.Add(new CacheEntry
                {
                    RepositoryIdPrefix = row.Groups["id"].Value,
                    Age = TimeSpan.FromDays(int.Parse(row.Groups["days"].Value, CultureInfo.InvariantCulture)),
                    IsOld = row.Groups["old"].Success,
                    Size = row.Groups["size"].Success ? ParseSize(row.Groups["size"].Value) : null,
                });
            }
            else if (CacheFooter().Match(line) is { Success: true } footer)
            {
                directory = footer.Groups["path"].Value;
            }
            else if (NoCacheDirectories().Match(line) is { Success: true } none)
            {
                directory = none.Groups["path"].Value;
            }
        }

        if (directory is null)
        {
            throw new FormatException("cache folder ('N cache dirs in PATH' or 'no cache dirs found, basedir is PATH')");
        }

        return new CacheInfo { Directory = directory, Entries = entries };
    }

    /// <summary>"remove 2 old cache directories" or "no old cache dirs found".</summary>
    /// <exception cref="FormatException">Neither line was printed.</exception>
    public static CacheCleanupResult ParseCacheCleanup(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (CacheRemoved().Match(line) is { Success: true } match)
            {
                return new CacheCleanupResult { RemovedDirectories = long.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) };
            }

            if (line.StartsWith("no old cache dirs found", StringComparison.Ordinal))
            {
                return new CacheCleanupResult { RemovedDirectories = 0 };
            }
        }

        throw new FormatException("cache cleanup count ('remove N old cache directories' or 'no old cache dirs found')");
    }

    /// <summary>restic's text without its progress lines (<c>[0:01] 50.00% ...</c>).</summary>
    public static IReadOnlyList<string> WithoutProgress(IReadOnlyList<string> lines) =>
        lines.Where(l => !ProgressLine().IsMatch(l)).ToArray();

    [GeneratedRegex(@"^modified tags on (?<count>\d+) snapshots?", RegexOptions.CultureInvariant)]
    private static partial Regex TagCount();

    [GeneratedRegex(@"^saved new key with ID (?<id>[0-9a-f]{8,64})\b", RegexOptions.CultureInvariant)]
    private static partial Regex NewKeyId();

    [GeneratedRegex(@"^snapshot (?<id>[0-9a-f]{8,64}) of \[", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotBlock();

    [GeneratedRegex(@"^snapshot (?<id>[0-9a-f]{8,64}) saved$", RegexOptions.CultureInvariant)]
    private static partial Regex CopySaved();

    [GeneratedRegex(@"^snapshot (?<id>[0-9a-f]{8,64}) saved, copied from source snapshot (?<source>[0-9a-f]{8,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex CopySavedFrom();

    [GeneratedRegex(@"^skipping source snapshot (?<source>[0-9a-f]{8,64}), was already copied to snapshot (?<target>[0-9a-f]{8,64})", RegexOptions.CultureInvariant)]
    private static partial Regex CopySkipped();

    [GeneratedRegex(@"^saved new snapshot (?<id>[0-9a-f]{8,64})", RegexOptions.CultureInvariant)]
    private static partial Regex RewriteSaved();

    [GeneratedRegex(@"^removed old snapshot (?<id>[0-9a-f]{8,64})", RegexOptions.CultureInvariant)]
    private static partial Regex RewriteRemoved();

    [GeneratedRegex(@"^(?:modified|would modify) (?<count>\d+) snapshots?$", RegexOptions.CultureInvariant)]
    private static partial Regex RewriteCount();

    [GeneratedRegex(@"^(?<id>[0-9a-f]{10})\s+(?<days>\d+) days? ago(?:\s+(?<old>yes))?(?:\s+(?<size>[\d.]+ [KMGTP]?i?B))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex CacheRow();

    [GeneratedRegex(@"^\d+ cache dirs? in (?<path>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CacheFooter();

    [GeneratedRegex(@"^no cache dirs found, basedir is (?<path>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NoCacheDirectories();

    [GeneratedRegex(@"^remove (?<count>\d+) old cache director", RegexOptions.CultureInvariant)]
    private static partial Regex CacheRemoved();
}
