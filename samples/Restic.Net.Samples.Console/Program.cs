// Restic.Net quick start: one temporary local repository, the whole life cycle of a backup.
//
//   RESTIC_NET_RESTIC_BINARY=/path/to/restic dotnet run --project samples/Restic.Net.Samples.Console -c Release
//
// Without RESTIC_NET_RESTIC_BINARY, `restic` is looked up on PATH. With --repo and --password-file
// it works on your own repository instead (see --help). It also publishes as a NativeAOT binary.
using System.Diagnostics;
using System.Globalization;
using Restic.Net;
using Restic.Net.Samples.Console;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

SampleArguments arguments;
try
{
    arguments = SampleArguments.Parse(args, Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY"));
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"restic-net-sample: {ex.Message}");
    Console.Error.WriteLine(SampleArguments.Usage);
    return 64;
}

if (arguments.Help)
{
    Console.WriteLine(SampleArguments.Usage);
    return 0;
}

if (arguments.Repository is { } repositoryLocation)
{
    return await YourRepository.RunAsync(arguments, repositoryLocation);
}

var binary = arguments.Restic;
var work = Directory.CreateTempSubdirectory("restic-net-sample-").FullName;
var source = Path.Combine(work, "source");
var stopwatch = Stopwatch.StartNew();

try
{
    await using var client = new ResticClient(new ResticClientOptions
    {
        Repository = new LocalRepository(Path.Combine(work, "repository")),
        Password = ResticPassword.FromValue("correct horse battery staple"),
        BinaryPath = binary,
        CacheDirectory = Path.Combine(work, "cache"),
        ProgressInterval = TimeSpan.FromMilliseconds(100),
    });

    var version = await client.GetVersionAsync();
    Output.Step("version");
    Output.Row("restic", $"{version.Version.ToString(3)} ({version.GoVersion}, {version.OperatingSystem}/{version.Architecture})");
    Output.Row("JSON restore", version.Capabilities.JsonRestore ? "yes" : "no (restores print no statistics)");

    // 1. init
    var info = await client.InitAsync();
    Output.Step("init");
    Output.Row("id", info.Id);
    Output.Row("format", $"version {info.Version}");
    Output.Row("location", info.Location);

    // 2. first backup
    var fileCount = SourceTree.Generate(source);
    var original = SourceTree.Capture(source); // the state the first snapshot must restore
    Output.Step("backup #1");
    Output.Row("source", $"{fileCount} files, {Format.Bytes(original.Values.Sum(c => (long)c.Length))}");
    var first = await ProgressDisplay.BackupAsync("backup #1", progress => client.BackupAsync([source], new BackupOptions { Tags = ["sample"] }, progress));
    Output.Backup(first);

    // 3. incremental backup
    var (changed, added) = SourceTree.Modify(source);
    Output.Step("backup #2 (incremental)");
    Output.Row("source", $"{changed} files changed, {added} files added");
    var second = await ProgressDisplay.BackupAsync("backup #2", progress => client.BackupAsync([source], new BackupOptions { Tags = ["sample"] }, progress));
    Output.Backup(second);

    // 4. snapshots
    var snapshots = await client.GetSnapshotsAsync();
    Output.Step("snapshots");
    foreach (var snapshot in snapshots)
    {
        Output.Row(snapshot.Id.ToShortString(), $"{snapshot.Time.ToLocalTime():yyyy-MM-dd HH:mm:ss}  {snapshot.HostName}  [{string.Join(',', snapshot.Tags)}]  {string.Join(' ', snapshot.Paths)}");
    }

    if (snapshots.Count != 2 || first.SnapshotId is not { } firstId || !snapshots[0].Id.Matches(firstId))
    {
        return Output.Fail($"expected 2 snapshots, the first one {first.SnapshotId?.ToShortString()}; got {snapshots.Count}");
    }

    // 5. restore the first snapshot and compare it with the source as it was then
    var target = Path.Combine(work, "restore");
    Output.Step($"restore {snapshots[0].Id.ToShortString()}");
    var restored = await ProgressDisplay.RestoreAsync("restore", progress => client.RestoreAsync(snapshots[0].Id, target, null, progress));
    Output.Row("target", restored.Target);
    if (restored.HasStatistics)
    {
        Output.Row("files", $"{restored.FilesRestored} restored of {restored.TotalFiles}");
        Output.Row("bytes", $"{Format.Bytes((long)(restored.BytesRestored ?? 0))} of {Format.Bytes((long)(restored.TotalBytes ?? 0))}");
        Output.Row("elapsed", $"{restored.Elapsed?.TotalSeconds:0.00} s");
    }
    else
    {
        Output.Row("statistics", $"none (restic {version.Version.ToString(3)} prints none)");
    }

    // restic restores the snapshot's absolute path below the target.
    var restoredRoot = Path.Combine(target, Path.GetFullPath(source).Replace(":", string.Empty, StringComparison.Ordinal).TrimStart('/', '\\'));
    var mismatches = SourceTree.Compare(original, restoredRoot);
    Output.Row("verified", mismatches.Count == 0 ? $"{original.Count} files identical byte for byte" : $"{mismatches.Count} MISMATCHES");
    if (mismatches.Count > 0)
    {
        foreach (var mismatch in mismatches.Take(10))
        {
            Console.Error.WriteLine($"  mismatch: {mismatch}");
        }

        return Output.Fail("the restored snapshot differs from the source at the first backup");
    }

    // 6. forget + prune
    var forget = await client.ForgetAsync(RetentionPolicy.Default, new ForgetOptions { Prune = true });
    Output.Step("forget --prune (7 daily, 4 weekly, 6 monthly, 2 yearly)");
    Output.Row("kept", string.Join(", ", forget.Kept.Select(s => s.Id.ToShortString())));
    Output.Row("removed", forget.Removed.Count == 0 ? "(none)" : string.Join(", ", forget.Removed.Select(s => s.Id.ToShortString())));
    foreach (var reason in forget.Groups.SelectMany(g => g.Reasons))
    {
        // restic 0.14 leaves the id out of a reason's snapshot: its time identifies it.
        var id = reason.SnapshotId ?? forget.Kept.FirstOrDefault(s => s.Time == reason.SnapshotTime)?.Id;
        Output.Row("reason", $"{id?.ToShortString() ?? "?"}: {string.Join(", ", reason.Matches)}");
    }

    if (forget.Removed.Count == 0)
    {
        // restic 0.17+ also keeps the oldest snapshot while a Keep* bucket is not full.
        Output.Row("prune", "not run: restic prunes only after forget removed a snapshot");
    }
    else if (forget.Prune is { } prune)
    {
        Output.Row("pruned", $"{prune.TotalPrunedBlobs ?? 0} blobs / {Format.Bytes(prune.TotalPrunedBytes ?? 0)}");
        Output.Row("repacked", $"{prune.RepackBlobs ?? 0} blobs / {Format.Bytes(prune.RepackBytes ?? 0)}");
        Output.Row("remaining", $"{prune.RemainingBlobs ?? 0} blobs / {Format.Bytes(prune.RemainingBytes ?? 0)}");
    }

    // 7. check
    var check = await client.CheckAsync();
    Output.Step("check");
    Output.Row("healthy", check.IsHealthy ? "yes" : $"NO, {check.ErrorCount} errors");
    foreach (var error in check.Errors)
    {
        Output.Row("error", error);
    }

    if (!check.IsHealthy)
    {
        return Output.Fail("the repository check found errors");
    }

    // 8. stats
    var stats = await client.GetStatsAsync();
    Output.Step("stats");
    Output.Row("snapshots", stats.SnapshotsCount.ToString(CultureInfo.InvariantCulture));
    Output.Row("files", stats.TotalFileCount.ToString(CultureInfo.InvariantCulture));
    Output.Row("total size", Format.Bytes((long)stats.TotalSize));
    Output.Row("stored", stats.StoredSize is { } stored ? Format.Bytes((long)stored) : "n/a");
    Output.Row("dedup ratio", stats.DeduplicationRatio is { } ratio ? $"{ratio:0.00}x" : "n/a");

    Console.WriteLine();
    Console.WriteLine($"Done in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
    return 0;
}
catch (ResticException ex)
{
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

