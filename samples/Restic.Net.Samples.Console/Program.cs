// Restic.Net quick start: one temporary local repository, the whole life cycle of a backup.
//
//   RESTIC_NET_RESTIC_BINARY=/path/to/restic dotnet run --project samples/Restic.Net.Samples.Console -c Release
//
// Without RESTIC_NET_RESTIC_BINARY, `restic` is looked up on PATH.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Restic.Net;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var binary = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") is { Length: > 0 } fromEnv ? fromEnv : "restic";
var work = Directory.CreateTempSubdirectory("restic-net-sample-").FullName;
var source = Path.Combine(work, "source");
var stopwatch = Stopwatch.StartNew();

try
{
    var client = new ResticClient(new ResticClientOptions
    {
        Repository = new LocalRepository(Path.Combine(work, "repository")),
        Password = ResticPassword.FromValue("correct horse battery staple"),
        BinaryPath = binary,
        CacheDirectory = Path.Combine(work, "cache"),
        ProgressInterval = TimeSpan.FromMilliseconds(100),
    });

    var version = await client.GetVersionAsync();
    Step("version");
    Row("restic", $"{version.Version.ToString(3)} ({version.GoVersion}, {version.OperatingSystem}/{version.Architecture})");
    Row("JSON restore", version.Capabilities.JsonRestore ? "yes" : "no (restores print no statistics)");

    // 1. init
    var info = await client.InitAsync();
    Step("init");
    Row("id", info.Id);
    Row("format", $"version {info.Version}");
    Row("location", info.Location);

    // 2. first backup
    var fileCount = SourceTree.Generate(source);
    var original = SourceTree.Capture(source); // the state the first snapshot must restore
    Step("backup #1");
    Row("source", $"{fileCount} files, {Bytes(original.Values.Sum(c => (long)c.Length))}");
    var first = await client.BackupAsync(new BackupOptions(source) { Tags = ["sample"] }, new ConsoleProgress());
    ConsoleProgress.End(true);
    PrintBackup(first);

    // 3. incremental backup
    var (changed, added) = SourceTree.Modify(source);
    Step("backup #2 (incremental)");
    Row("source", $"{changed} files changed, {added} files added");
    var second = await client.BackupAsync(new BackupOptions(source) { Tags = ["sample"] }, new ConsoleProgress());
    ConsoleProgress.End(true);
    PrintBackup(second);

    // 4. snapshots
    var snapshots = await client.GetSnapshotsAsync();
    Step("snapshots");
    foreach (var snapshot in snapshots)
    {
        Row(snapshot.Id.ToShortString(), $"{snapshot.Time.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {snapshot.Hostname}  [{string.Join(',', snapshot.Tags)}]  {string.Join(' ', snapshot.Paths)}");
    }

    if (snapshots.Count != 2 || first.SnapshotId is not { } firstId || !snapshots[0].Id.Matches(firstId))
    {
        return Fail($"expected 2 snapshots, the first one {first.SnapshotId?.ToShortString()}; got {snapshots.Count}");
    }

    // 5. restore the first snapshot and compare it with the source as it was then
    var target = Path.Combine(work, "restore");
    var restored = await client.RestoreAsync(new RestoreOptions(snapshots[0].Id, target));
    Step($"restore {snapshots[0].Id.ToShortString()}");
    Row("target", restored.Target);
    if (restored.HasStatistics)
    {
        Row("files", $"{restored.FilesRestored} restored of {restored.TotalFiles}");
        Row("bytes", $"{Bytes((long)(restored.BytesRestored ?? 0))} of {Bytes((long)(restored.TotalBytes ?? 0))}");
        Row("elapsed", $"{restored.Elapsed?.TotalSeconds:0.00} s");
    }
    else
    {
        Row("statistics", $"none (restic {version.Version.ToString(3)} prints none)");
    }

    // restic restores the snapshot's absolute path below the target.
    var restoredRoot = Path.Combine(target, Path.GetFullPath(source).Replace(":", string.Empty, StringComparison.Ordinal).TrimStart('/', '\\'));
    var mismatches = SourceTree.Compare(original, restoredRoot);
    Row("verified", mismatches.Count == 0 ? $"{original.Count} files identical byte for byte" : $"{mismatches.Count} MISMATCHES");
    if (mismatches.Count > 0)
    {
        foreach (var mismatch in mismatches.Take(10))
        {
            Console.Error.WriteLine($"  mismatch: {mismatch}");
        }

        return Fail("the restored snapshot differs from the source at the first backup");
    }

    // 6. forget + prune
    var forget = await client.ForgetAsync(new ForgetOptions(RetentionPolicy.Default) { Prune = true });
    Step("forget --prune (7 daily, 4 weekly, 6 monthly, 2 yearly)");
    Row("kept", string.Join(", ", forget.Kept.Select(s => s.Id.ToShortString())));
    Row("removed", forget.Removed.Count == 0 ? "(none)" : string.Join(", ", forget.Removed.Select(s => s.Id.ToShortString())));
    foreach (var reason in forget.Groups.SelectMany(g => g.Reasons))
    {
        // restic 0.14 leaves the id out of a reason's snapshot: its time identifies it.
        var id = reason.SnapshotId ?? forget.Kept.FirstOrDefault(s => s.Time == reason.SnapshotTime)?.Id;
        Row("reason", $"{id?.ToShortString() ?? "?"}: {string.Join(", ", reason.Matches)}");
    }

    if (forget.Removed.Count == 0)
    {
        // restic 0.17+ also keeps the oldest snapshot while a Keep* bucket is not full.
        Row("prune", "not run: restic prunes only after forget removed a snapshot");
    }
    else if (forget.Prune is { } prune)
    {
        Row("pruned", $"{prune.TotalPrunedBlobs ?? 0} blobs / {Bytes(prune.TotalPrunedBytes ?? 0)}");
        Row("repacked", $"{prune.RepackBlobs ?? 0} blobs / {Bytes(prune.RepackBytes ?? 0)}");
        Row("remaining", $"{prune.RemainingBlobs ?? 0} blobs / {Bytes(prune.RemainingBytes ?? 0)}");
    }

    // 7. check
    var check = await client.CheckAsync();
    Step("check");
    Row("healthy", check.IsHealthy ? "yes" : $"NO, {check.ErrorCount} errors");
    foreach (var error in check.Errors)
    {
        Row("error", error);
    }

    if (!check.IsHealthy)
    {
        return Fail("the repository check found errors");
    }

    // 8. stats
    var stats = await client.GetStatsAsync();
    Step("stats");
    Row("snapshots", stats.SnapshotsCount.ToString(CultureInfo.InvariantCulture));
    Row("files", stats.TotalFileCount.ToString(CultureInfo.InvariantCulture));
    Row("total size", Bytes((long)stats.TotalSize));
    Row("stored", stats.StoredSize is { } stored ? Bytes((long)stored) : "n/a");
    Row("dedup ratio", stats.DeduplicationRatio is { } ratio ? $"{ratio:0.00}x" : "n/a");

    Console.WriteLine();
    Console.WriteLine($"Done in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
    return 0;
}
catch (ResticException ex)
{
    ConsoleProgress.End(false);
    Console.Error.WriteLine($"restic failed: {ex.Message}");
    return 1;
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException ex)
    {
        Console.Error.WriteLine($"Could not remove {work}: {ex.Message}");
    }
    catch (UnauthorizedAccessException ex)
    {
        Console.Error.WriteLine($"Could not remove {work}: {ex.Message}");
    }
}

static void Step(string title) => Console.WriteLine($"{Environment.NewLine}== {title}");

static void Row(string label, string value) => Console.WriteLine($"   {label,-12} {value}");

static int Fail(string message)
{
    Console.Error.WriteLine($"FAILED: {message}");
    return 2;
}

static void PrintBackup(BackupSummary summary)
{
    Row("snapshot", summary.SnapshotId?.ToShortString() ?? "(none)");
    Row("files", $"{summary.FilesNew} new, {summary.FilesChanged} changed, {summary.FilesUnmodified} unmodified");
    Row("dirs", $"{summary.DirectoriesNew} new, {summary.DirectoriesChanged} changed, {summary.DirectoriesUnmodified} unmodified");
    Row("processed", $"{summary.TotalFilesProcessed} files, {Bytes((long)summary.TotalBytesProcessed)}");
    Row("data added", Bytes((long)summary.DataAdded) + (summary.DataAddedPacked is { } packed ? $" ({Bytes((long)packed)} packed)" : string.Empty));
    Row("duration", $"{summary.TotalDuration.TotalSeconds:0.00} s");
    Row("complete", summary.IsComplete ? "yes" : $"no, {summary.Errors.Count} unreadable");
}

static string Bytes(long bytes) => bytes switch
{
    < 1024 => $"{bytes} B",
    < 1024 * 1024 => $"{bytes / 1024d:0.0} KiB",
    _ => $"{bytes / (1024d * 1024):0.0} MiB",
};

/// <summary>Prints restic's progress on one line; called synchronously on the reader's thread, so the line never lags.</summary>
internal sealed class ConsoleProgress : IProgress<BackupProgress>
{
    private static bool s_open;

    /// <summary>Ends the progress line; restic reports nothing for a backup shorter than one progress interval.</summary>
    public static void End(bool mentionSilence)
    {
        if (s_open)
        {
            Console.WriteLine();
            s_open = false;
        }
        else if (mentionSilence)
        {
            Console.WriteLine("   progress     (none: restic finished within one progress interval)");
        }
    }

    public void Report(BackupProgress value)
    {
        var files = value.TotalFiles is { } total ? $"{value.FilesDone}/{total}" : value.FilesDone.ToString(CultureInfo.InvariantCulture);
        var bytes = value.TotalBytes is { } totalBytes
            ? $"{value.BytesDone / 1024d:0.0}/{totalBytes / 1024d:0.0} KiB"
            : $"{value.BytesDone / 1024d:0.0} KiB";
        Console.Write($"\r   progress     {value.PercentDone * 100,5:0.0}%  files {files}  {bytes}   ");
        s_open = true;
    }
}

/// <summary>A deterministic sample tree: nested folders, small text files (some with identical content) and one larger binary file.</summary>
internal static class SourceTree
{
    private static readonly string[] s_folders = ["", "docs", "docs/2025", "docs/2026", "photos/raw", "src/app", "src/app/lib", "logs"];

    public static int Generate(string root)
    {
        var count = 0;
        for (var i = 0; i < 320; i++)
        {
            var folder = Path.Combine(root, s_folders[i % s_folders.Length]);
            Directory.CreateDirectory(folder);

            // Every fifth file repeats one of four templates: restic stores that content once.
            var content = i % 5 == 0 ? Content($"template-{i % 4}", 2048) : Content($"file-{i}", 256 + (i * 37 % 4096));
            File.WriteAllText(Path.Combine(folder, $"file-{i:000}.txt"), content);
            count++;
        }

        // One larger, incompressible file, so that the backup lasts long enough for restic to report progress.
        var noise = new byte[24 * 1024 * 1024];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < noise.Length; i += 8)
        {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            BitConverter.TryWriteBytes(noise.AsSpan(i), state);
        }

        Directory.CreateDirectory(Path.Combine(root, "media"));
        File.WriteAllBytes(Path.Combine(root, "media", "video.bin"), noise);
        return count + 1;
    }

    public static (int Changed, int Added) Modify(string root)
    {
        var files = Directory.GetFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var changed = 0;
        for (var i = 0; i < files.Length; i += 25)
        {
            File.AppendAllText(files[i], $"appended after the first backup ({i}){Environment.NewLine}");
            changed++;
        }

        var added = Path.Combine(root, "added");
        Directory.CreateDirectory(added);
        for (var i = 0; i < 5; i++)
        {
            File.WriteAllText(Path.Combine(added, $"new-{i}.txt"), Content($"new-{i}", 1024));
        }

        return (changed, 5);
    }

    /// <summary>Every file's bytes, by path relative to the root.</summary>
    public static Dictionary<string, byte[]> Capture(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);

    /// <summary>Differences between the captured files and a folder: missing, extra and differing files.</summary>
    public static List<string> Compare(Dictionary<string, byte[]> expected, string root)
    {
        var problems = new List<string>();
        if (!Directory.Exists(root))
        {
            problems.Add($"{root} does not exist");
            return problems;
        }

        var actual = Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), StringComparer.Ordinal);
        foreach (var (relative, bytes) in expected)
        {
            if (!actual.TryGetValue(relative, out var path))
            {
                problems.Add($"{relative}: missing");
            }
            else if (!File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                problems.Add($"{relative}: content differs");
            }
        }

        problems.AddRange(actual.Keys.Where(k => !expected.ContainsKey(k)).Select(k => $"{k}: unexpected"));
        return problems;
    }

    private static string Content(string seed, int length)
    {
        var builder = new StringBuilder(length + 64);
        var line = 0;
        while (builder.Length < length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{seed} line {line:0000}: the quick brown fox jumps over the lazy dog {line * 7919 % 10007}\n");
            line++;
        }

        return builder.ToString(0, length);
    }
}
