using System.Globalization;
using System.Text.RegularExpressions;

namespace Restic.Net.Serialization;

/// <summary>Parsers of the text that tag (before 0.18), key, copy, rewrite, repair and cache print.</summary>
internal static partial class TextOutput
{
    /// <summary>"modified tags on 3 snapshots" or "no snapshots were modified" (restic before 0.18).</summary>
    public static int? ParseTagCount(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (TagCount().Match(line) is { Success: true } match)
            {
                return int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture);
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
    public static CopyResult ParseCopy(IReadOnlyList<string> lines)
    {
        var copied = new List<CopiedSnapshot>();
        var skipped = new List<CopiedSnapshot>();
        SnapshotId? current = null;
        foreach (var line in lines)
        {
            if (SnapshotBlock().Match(line) is { Success: true } block)
            {
                current = SnapshotId.Parse(block.Groups["id"].Value);
            }
            else if (CopySavedFrom().Match(line) is { Success: true } savedFrom)
            {
                copied.Add(new CopiedSnapshot(SnapshotId.Parse(savedFrom.Groups["source"].Value), SnapshotId.Parse(savedFrom.Groups["id"].Value)));
                current = null;
            }
            else if (CopySaved().Match(line) is { Success: true } saved && current is { } source)
            {
                copied.Add(new CopiedSnapshot(source, SnapshotId.Parse(saved.Groups["id"].Value)));
                current = null;
            }
            else if (CopySkipped().Match(line) is { Success: true } skip)
            {
                skipped.Add(new CopiedSnapshot(SnapshotId.Parse(skip.Groups["source"].Value), SnapshotId.Parse(skip.Groups["target"].Value)));
                current = null;
            }
        }

        return new CopyResult { Copied = copied, Skipped = skipped, Output = WithoutProgress(lines) };
    }

    /// <summary>
    /// The blocks of <c>rewrite</c> and <c>repair snapshots</c>: "snapshot X of [...]", then "saved new
    /// snapshot Y" or "would save new snapshot", and "removed old snapshot X"; last the count.
    /// </summary>
    public static RewriteResult ParseRewrite(IReadOnlyList<string> lines, bool dryRun)
    {
        var changes = new List<SnapshotChange>();
        SnapshotId? current = null;
        int? count = null;
        foreach (var line in lines)
        {
            if (SnapshotBlock().Match(line) is { Success: true } block)
            {
                current = SnapshotId.Parse(block.Groups["id"].Value);
            }
            else if (RewriteSaved().Match(line) is { Success: true } saved && current is { } old)
            {
                changes.Add(new SnapshotChange(old, SnapshotId.Parse(saved.Groups["id"].Value)));
            }
            else if (line.StartsWith("would save new snapshot", StringComparison.Ordinal) && current is { } planned)
            {
                changes.Add(new SnapshotChange(planned, null));
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
                count = int.Parse(total.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("no snapshots were modified", StringComparison.Ordinal) || line.StartsWith("no snapshots would be modified", StringComparison.Ordinal))
            {
                count = 0;
            }
        }

        return new RewriteResult { IsDryRun = dryRun, ModifiedSnapshots = count ?? changes.Count, Changes = changes, Output = WithoutProgress(lines) };
    }

    /// <summary>The table of <c>cache</c> and its "N cache dirs in PATH" footer.</summary>
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
                    LastUsedDaysAgo = int.Parse(row.Groups["days"].Value, CultureInfo.InvariantCulture),
                    IsOld = row.Groups["old"].Success,
                    Size = row.Groups["size"].Success ? ParseSize(row.Groups["size"].Value) : null,
                });
            }
            else if (CacheFooter().Match(line) is { Success: true } footer)
            {
                directory = footer.Groups["path"].Value;
            }
        }

        return new CacheInfo { Directory = directory, Entries = entries };
    }

    /// <summary>"remove 2 old cache directories" or "no old cache dirs found".</summary>
    public static CacheCleanupResult ParseCacheCleanup(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            if (CacheRemoved().Match(line) is { Success: true } match)
            {
                return new CacheCleanupResult(int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture));
            }
        }

        return new CacheCleanupResult(0);
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

    [GeneratedRegex(@"^remove (?<count>\d+) old cache director", RegexOptions.CultureInvariant)]
    private static partial Regex CacheRemoved();
}
