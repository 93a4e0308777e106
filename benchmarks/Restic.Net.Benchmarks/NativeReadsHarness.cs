using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Text;
using Restic.Net;
using Restic.Net.Repository;

/// <summary>
/// Restic.Net.Repository's native reads against the restic CLI on the end-to-end repository (200,000 files,
/// see <see cref="EndToEndHarness"/>) plus a snapshot of one 1 GiB file, measured interleaved in one run:
///  - open: <see cref="ResticRepositoryReader.OpenAsync"/> (key derivation, config) in process vs <c>restic cat config</c>;
///  - 100 <c>GetSnapshotsAsync</c> on an open reader vs 100 through the CLI (a client without native reads);
///  - one folder of the 200k snapshot (1,000 files) vs <c>restic ls --json latest /folder</c>;
///  - the whole 200k listing vs <c>restic ls --json latest &gt; /dev/null</c>;
///  - the 1 GiB file to a null stream vs <c>restic dump latest /file &gt; /dev/null</c>;
///  - the memory the loaded index of the 200k repository takes.
/// The reader's sides run in this process: what an application that keeps a reader (or a client with native
/// reads) pays. "cold" means a reader opened just before, whose index is not loaded yet; "warm" a reader
/// that has served the same call once.
///
/// eng/benchmark-native.sh [samples]; restic: RESTIC_NET_RESTIC_BINARY, else restic on PATH.
/// </summary>
internal static class NativeReadsHarness
{
    private const int SnapshotQueries = 100;
    private const int HugeMegabytes = 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var work = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("artifacts", "e2e"));
        var samples = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var restic = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") ?? "restic";
        var repository = Path.Combine(work, "repo");
        var cache = Path.Combine(work, "cache");
        var options = new ResticClientOptions
        {
            Repository = new LocalRepository(repository),
            Password = ResticPassword.FromValue(EndToEndHarness.Password),
            BinaryPath = restic,
            CacheDirectory = cache,
        };
        await using var cli = new ResticClient(options);
        var version = await cli.GetVersionAsync();
        await EndToEndHarness.EnsureRepositoryAsync(cli, work, repository);
        var hugeFile = await EnsureHugeSnapshotAsync(cli, work);
        var environment = new Dictionary<string, string>
        {
            ["RESTIC_REPOSITORY"] = repository,
            ["RESTIC_PASSWORD"] = EndToEndHarness.Password,
            ["RESTIC_CACHE_DIR"] = cache,
        };

        var report = new StringBuilder();
        void Print(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var location = new LocalRepository(repository);
        var password = ResticPassword.FromValue(EndToEndHarness.Password);
        var large = await cli.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["large"] }, Latest = 1 });
        var huge = await cli.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["huge"] }, Latest = 1 });
        var largeId = large[^1].Id;
        var folder = large[^1].Paths[0] + "/d100";
        Print(string.Create(CultureInfo.InvariantCulture, $"restic {version.VersionText}, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, load average {EndToEndHarness.LoadAverage()}, {samples} samples per side, interleaved; scrypt: {(OperatingSystem.IsLinux() ? "OpenSSL where present" : "BouncyCastle")}"));
        Print("");

        // Warm up the JIT of every path once, unmeasured (an application pays this once per process).
        using (var warm = await ResticRepositoryReader.OpenAsync(location, password))
        {
            await warm.GetSnapshotsAsync();
            await CountAsync(warm.GetNodesAsync(largeId, new ListOptions { Paths = [folder] }));
            await using var stream = await warm.OpenFileAsync(huge[^1].Id, hugeFile);
            await stream.ReadExactlyAsync(new byte[1 << 20]);
        }

        var rows = new List<(string What, string Native, string Cli, double Ratio, string Target)>();

        // 1. Open.
        var open = Interleave(samples,
            () => TimeAsync(async () => { using var reader = await ResticRepositoryReader.OpenAsync(location, password); }),
            () => Task.FromResult(EndToEndHarness.Measure([restic, "cat", "config"], environment).Seconds));
        rows.Add(Row("open (key derivation + config)", open, "≤ 1.1×", nativeIsTime: true));

        // 2. 100 snapshot queries.
        using var reader = await ResticRepositoryReader.OpenAsync(location, password);
        var snapshots = Interleave(samples,
            () => TimeAsync(async () =>
            {
                for (var i = 0; i < SnapshotQueries; i++)
                {
                    await reader.GetSnapshotsAsync();
                }
            }),
            () => TimeAsync(async () =>
            {
                for (var i = 0; i < SnapshotQueries; i++)
                {
                    await cli.GetSnapshotsAsync();
                }
            }),
            cliSamples: 1);
        rows.Add(Row($"{SnapshotQueries} GetSnapshotsAsync (open reader vs CLI client)", snapshots, "≥ 50× faster"));

        // 3. One folder (1,000 files) of the 200k snapshot. Warm: the shared reader has listed it once.
        var folderOptions = new ListOptions { Paths = [folder] };
        await CountAsync(reader.GetNodesAsync(largeId, folderOptions));
        var folderWarm = Interleave(samples,
            () => TimeAsync(() => CountAsync(reader.GetNodesAsync(largeId, folderOptions))),
            () => Task.FromResult(EndToEndHarness.Measure([restic, "ls", "--json", largeId.Value, folder], environment).Seconds));
        rows.Add(Row("one folder of the 200k snapshot, warm reader", folderWarm, "≥ 10× faster"));
        var folderCold = Interleave(samples,
            () => ColdAsync(location, password, r => CountAsync(r.GetNodesAsync(largeId, folderOptions))),
            () => Task.FromResult(EndToEndHarness.Measure([restic, "ls", "--json", largeId.Value, folder], environment).Seconds));
        rows.Add(Row("one folder, cold reader (index load included)", folderCold, "-"));

        // 4. The whole listing; first, the reader must list what restic lists.
        var restic200k = EndToEndHarness.CountNodes(restic, environment, "large");
        var native200k = await CountAsync(reader.GetNodesAsync(largeId));
        if (native200k != restic200k)
        {
            throw new InvalidOperationException($"The reader listed {native200k} nodes, restic {restic200k}.");
        }

        Print(string.Create(CultureInfo.InvariantCulture, $"the 200k snapshot: {native200k:N0} nodes, natively and from restic ls"));
        var whole = Interleave(samples,
            () => ColdAsync(location, password, r => CountAsync(r.GetNodesAsync(largeId))),
            () => Task.FromResult(EndToEndHarness.Measure([restic, "ls", "--json", largeId.Value], environment).Seconds));
        rows.Add(Row("the whole 200k listing, cold reader", whole, "≤ 0.5×", nativeIsTime: true));
        var wholeWarm = Interleave(samples,
            () => TimeAsync(() => CountAsync(reader.GetNodesAsync(largeId))),
            () => Task.FromResult(EndToEndHarness.Measure([restic, "ls", "--json", largeId.Value], environment).Seconds));
        rows.Add(Row("the whole 200k listing, warm reader", wholeWarm, "-", nativeIsTime: true));

        // 5. A 1 GiB file.
        var dump = Interleave(samples,
            () => TimeAsync(async () =>
            {
                await using var stream = await reader.OpenFileAsync(huge[^1].Id, hugeFile);
                await stream.CopyToAsync(Stream.Null, 1 << 20);
            }),
            () => Task.FromResult(EndToEndHarness.Measure([restic, "dump", huge[^1].Id.Value, hugeFile], environment).Seconds));
        var mib = HugeMegabytes;
        rows.Add(($"dump of a 1 GiB file (MiB/s)",
            string.Create(CultureInfo.InvariantCulture, $"{mib / EndToEndHarness.Median(dump.Native):0} (best {mib / dump.Native.Min():0})"),
            string.Create(CultureInfo.InvariantCulture, $"{mib / EndToEndHarness.Median(dump.Cli):0} (best {mib / dump.Cli.Min():0})"),
            EndToEndHarness.Median(dump.Cli) / EndToEndHarness.Median(dump.Native),
            "≥ 0.9× throughput"));

        Print("| what | native (median, best) | restic CLI (median, best) | ratio | target |");
        Print("|---|---|---|---|---|");
        foreach (var (what, native, cliText, ratio, target) in rows)
        {
            Print(string.Create(CultureInfo.InvariantCulture, $"| {what} | {native} | {cliText} | {ratio:0.00}× | {target} |"));
        }

        // 6. The index's memory.
        Print("");
        Print(IndexMemory(location, password));
        Print(string.Create(CultureInfo.InvariantCulture, $"load average after: {EndToEndHarness.LoadAverage()}"));
        await File.WriteAllTextAsync(Path.Combine(work, $"native-results-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md"), report.ToString());
        return 0;
    }

    /// <summary>A row; the ratio is CLI over native (how many times faster), or native over CLI for the "≤" targets.</summary>
    private static (string, string, string, double, string) Row(string what, (List<double> Native, List<double> Cli) samples, string target, bool nativeIsTime = false)
    {
        var native = EndToEndHarness.Median(samples.Native);
        var cli = EndToEndHarness.Median(samples.Cli);
        return (what,
            string.Create(CultureInfo.InvariantCulture, $"{Format(native)} ({Format(samples.Native.Min())})"),
            string.Create(CultureInfo.InvariantCulture, $"{Format(cli)} ({Format(samples.Cli.Min())})"),
            nativeIsTime ? native / cli : cli / native,
            target);
    }

    private static string Format(double seconds) => seconds < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0.0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds:0.00} s");

    private static (List<double> Native, List<double> Cli) Interleave(int samples, Func<Task<double>> native, Func<Task<double>> cli, int? cliSamples = null)
    {
        var nativeTimes = new List<double>();
        var cliTimes = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            // The order alternates, so that load from elsewhere hits both sides alike.
            if (i % 2 == 0)
            {
                nativeTimes.Add(native().GetAwaiter().GetResult());
            }

            if (cliTimes.Count < (cliSamples ?? samples))
            {
                cliTimes.Add(cli().GetAwaiter().GetResult());
            }

            if (i % 2 == 1)
            {
                nativeTimes.Add(native().GetAwaiter().GetResult());
            }
        }

        return (nativeTimes, cliTimes);
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> ColdAsync(LocalRepository location, ResticPassword password, Func<ResticRepositoryReader, Task> action)
    {
        using var reader = await ResticRepositoryReader.OpenAsync(location, password);
        return await TimeAsync(() => action(reader));
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<SnapshotNode> nodes)
    {
        var count = 0;
        await foreach (var node in nodes)
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// The managed memory one loaded index holds: two readers are opened, the first loads its index (which also
    /// fills the process's statics), then the second's load is measured between full, compacting collections.
    /// Synchronous helpers that are not inlined keep the measurement free of locals an async method would hoist.
    /// </summary>
    private static string IndexMemory(LocalRepository location, ResticPassword password)
    {
        using var first = Open(location, password);
        using var second = Open(location, password);
        LoadIndex(first);
        var before = Collect();
        var (blobs, packs) = LoadIndex(second);
        var after = Collect();
        GC.KeepAlive(second);
        return string.Create(CultureInfo.InvariantCulture,
            $"index of the repository: {blobs:N0} blobs in {packs:N0} packs take {(after - before) / 1048576.0:0.0} MiB of managed memory ({(double)(after - before) / blobs:0} bytes per blob: a second reader's index, between full compacting collections)");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ResticRepositoryReader Open(LocalRepository location, ResticPassword password) =>
        ResticRepositoryReader.OpenAsync(location, password).GetAwaiter().GetResult();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int Blobs, int Packs) LoadIndex(ResticRepositoryReader reader)
    {
        var index = reader.GetIndexAsync(CancellationToken.None).GetAwaiter().GetResult();
        return (index.BlobCount, index.PackCount);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Collect()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>A snapshot (tag huge) of one 1 GiB file of random bytes, made once next to the 200k repository.</summary>
    internal static async Task<string> EnsureHugeSnapshotAsync(ResticClient client, string work)
    {
        var marker = Path.Combine(work, "huge-ready");
        var file = Path.Combine(work, "huge", "one-gibibyte.bin");
        if (File.Exists(marker))
        {
            return file;
        }

        Console.WriteLine("Adding a snapshot of a 1 GiB file (once) ...");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var random = new Random(11);
        var buffer = new byte[1 << 20];
        await using (var stream = File.Create(file))
        {
            for (var i = 0; i < HugeMegabytes; i++)
            {
                random.NextBytes(buffer);
                await stream.WriteAsync(buffer);
            }
        }

        await client.BackupAsync([file], new BackupOptions { Tags = ["huge"] });
        File.Delete(file);
        await File.WriteAllTextAsync(marker, file);
        return file;
    }
}
