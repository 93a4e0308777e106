using System.Diagnostics;
using System.Globalization;
using System.Text;
using Restic.Net;
using Restic.Net.Repository;

/// <summary>
/// Native reads as whole processes against restic's, interleaved in one run (issue 24's table): each row starts a
/// process of <see cref="ReadProcess"/> (open, answer, exit) and the matching restic command, both with stdout to
/// /dev/null under GNU time, in alternating order. Wall time, CPU time (user + system) and peak RSS per side.
/// Uses the end-to-end repository (<see cref="EndToEndHarness"/>), its 1 GiB file snapshot (<see cref="NativeReadsHarness"/>)
/// and 50 snapshots of the 200k tree tagged "history" (made once here): snapshot i rewrites 20 files of folder i, the
/// last also adds 20 files, so the first and the last differ in 1,000 files.
/// Before timing, each row's output is compared with restic's (line counts), so both sides answer the same question.
///
/// eng/benchmark-whole-process.sh [samples]; restic: RESTIC_NET_RESTIC_BINARY, else restic on PATH.
/// </summary>
internal static partial class WholeProcessHarness
{
    private const int HistorySnapshots = 50;
    private const int ChangedPerSnapshot = 20;
    private const string FindPattern = "file-0042.txt";

    public static async Task<int> RunAsync(string[] args)
    {
        var work = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("artifacts", "e2e"));
        var samples = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var only = args.Length > 3 ? args[3] : null;
        var restic = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") ?? "restic";
        var repository = Path.Combine(work, "repo");
        var cache = Path.Combine(work, "cache");
        await using var cli = new ResticClient(new ResticClientOptions
        {
            Repository = new LocalRepository(repository),
            Password = ResticPassword.FromValue(EndToEndHarness.Password),
            BinaryPath = restic,
            CacheDirectory = cache,
        });
        var version = await cli.GetVersionAsync();
        await EndToEndHarness.EnsureRepositoryAsync(cli, work, repository);
        var hugeFile = await NativeReadsHarness.EnsureHugeSnapshotAsync(cli, work);
        await EnsureHistoryAsync(cli, work);

        var large = (await cli.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["large"] }, Latest = 1 }))[^1];
        var huge = (await cli.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["huge"] }, Latest = 1 }))[^1];
        var history = await cli.GetSnapshotsAsync(new SnapshotsOptions { Filter = new SnapshotFilter { Tags = ["history"] } });
        var folder = large.Paths[0] + "/d100";
        var environment = new Dictionary<string, string>
        {
            ["RESTIC_REPOSITORY"] = repository,
            ["RESTIC_PASSWORD"] = EndToEndHarness.Password,
            ["RESTIC_CACHE_DIR"] = cache,
        };
        var self = EndToEndHarness.SelfCommand();
        string[] Native(params string[] arguments) => [.. self, "read", .. arguments];
        string[] Restic(params string[] arguments) => [restic, .. arguments];

        (string Name, string[] Native, string[] Restic, string Target)[] rows =
        [
            ("dump of the 1 GiB file", Native("dump", huge.Id.ToString(), hugeFile), Restic("dump", huge.Id.ToString(), hugeFile), "wall ≤ 1×, peak ≤ restic + 50 MiB"),
            ("whole listing of the 200k snapshot", Native("ls", large.Id.ToString()), Restic("ls", "--json", large.Id.ToString()), "wall ≤ 0.5×"),
            ("open, then one folder of 1,000 files", Native("ls", large.Id.ToString(), folder), Restic("ls", "--json", large.Id.ToString(), folder), "–"),
            ($"find {FindPattern} over {history.Count} snapshots of the 200k tree", Native("find", "history", FindPattern), Restic("find", "--json", "--tag", "history", FindPattern), "≥ 20× faster"),
            ("diff of two 200k snapshots, 1,000 changes", Native("diff", history[0].Id.ToString(), history[^1].Id.ToString()), Restic("diff", history[0].Id.ToString(), history[^1].Id.ToString()), "≥ 10× faster"),
        ];

        // Over S3: the large snapshot copied into a moto bucket (moto from .tools, started here), read by both sides.
        await using var moto = only is null || "s3".Contains(only, StringComparison.OrdinalIgnoreCase) ? await MotoBucket.StartAsync(work, restic, environment, large.Id.ToString()) : null;
        if (moto is not null)
        {
            rows = [.. rows, ("S3 (moto): open, then one folder of 1,000 files", Native("ls", moto.SnapshotId, folder), Restic("ls", "--json", moto.SnapshotId, folder), "≥ 5× faster")];
        }

        var report = new StringBuilder();
        void Print(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Print(string.Create(CultureInfo.InvariantCulture, $"restic {version.VersionText}, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, load average {EndToEndHarness.LoadAverage()}, {samples} samples per side, interleaved, whole processes"));
        Print("");
        var resticMedians = new Dictionary<string, double>();
        Print("| what | native: wall, CPU, peak | restic: wall, CPU, peak | wall ratio | target |");
        Print("|---|---|---|---|---|");
        foreach (var row in rows.Where(r => only is null || r.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var rowEnvironment = row.Name.StartsWith("S3", StringComparison.Ordinal) ? moto!.Environment : environment;
            // The same answer first (and both caches and the page cache warm): as many bytes dumped, nodes listed,
            // matches found, changes reported.
            var kind = row.Native[self.Length + 1];
            var nativeCount = CountAnswer(kind, row.Native, rowEnvironment);
            var resticWatch = Stopwatch.StartNew();
            var resticCount = CountAnswer(kind, row.Restic, rowEnvironment);

            // restic's find over 50 snapshots takes minutes: one sample per side there.
            var rowSamples = resticWatch.Elapsed > TimeSpan.FromSeconds(30) ? 1 : samples;
            if (nativeCount != resticCount || nativeCount == 0)
            {
                throw new InvalidOperationException($"{row.Name}: the native process answered {nativeCount} ({kind}), restic {resticCount}.");
            }

            var native = new List<EndToEndHarness.Sample>();
            var cliSamples = new List<EndToEndHarness.Sample>();
            for (var i = 0; i < rowSamples; i++)
            {
                if (i % 2 == 0)
                {
                    native.Add(EndToEndHarness.Measure(row.Native, rowEnvironment));
                    cliSamples.Add(EndToEndHarness.Measure(row.Restic, rowEnvironment));
                }
                else
                {
                    cliSamples.Add(EndToEndHarness.Measure(row.Restic, rowEnvironment));
                    native.Add(EndToEndHarness.Measure(row.Native, rowEnvironment));
                }
            }

            resticMedians[row.Name] = EndToEndHarness.Median(cliSamples.Select(s => s.Seconds));
            var ratio = EndToEndHarness.Median(native.Select(s => s.Seconds)) / EndToEndHarness.Median(cliSamples.Select(s => s.Seconds));
            Print(string.Create(CultureInfo.InvariantCulture, $"| {row.Name}{(rowSamples < samples ? " (1 sample)" : string.Empty)} | {Describe(native)} | {Describe(cliSamples)} | **{ratio:0.00}×**{(ratio < 1 ? string.Create(CultureInfo.InvariantCulture, $" ({1 / ratio:0.0}× faster)") : string.Empty)} | {row.Target} |"));
        }

        Print("");

        // What an application that keeps a reader open (a console, a service) pays for the same questions, against
        // the restic processes above: the diff on a reader that answered it once, and over S3 a folder of a reader
        // opened just before (the index loads first) and of one that listed it once.
        Print("| on a reader kept open (in this process) | native (median, best) | restic process (median) | ratio |");
        Print("|---|---|---|---|");
        async Task InProcessAsync(string name, string row, Func<Task> warmUp, Func<Task> measured)
        {
            if (!resticMedians.TryGetValue(row, out var cliMedian))
            {
                return;
            }

            await warmUp();
            var times = new List<double>();
            for (var i = 0; i < Math.Max(samples, 3); i++)
            {
                var watch = Stopwatch.StartNew();
                await measured();
                times.Add(watch.Elapsed.TotalSeconds);
            }

            var median = EndToEndHarness.Median(times);
            Print(string.Create(CultureInfo.InvariantCulture, $"| {name} | {median * 1000:0.0} ms ({times.Min() * 1000:0.0} ms) | {cliMedian:0.000} s | **{cliMedian / median:0}× faster** |"));
        }

        var diffRow = rows.FirstOrDefault(r => r.Name.StartsWith("diff", StringComparison.Ordinal)).Name ?? string.Empty;
        await using (var reader = await ResticRepositoryReader.OpenAsync(new LocalRepository(repository), ResticPassword.FromValue(EndToEndHarness.Password)))
        {
            Task DiffAsync() => DrainAsync(reader.StreamDiffAsync(history[0].Id, history[^1].Id));
            await InProcessAsync("diff of two 200k snapshots, 1,000 changes, again", diffRow, DiffAsync, DiffAsync);
        }

        if (moto is not null)
        {
            var s3 = (S3Repository)ResticRepository.Parse(moto.Environment["RESTIC_REPOSITORY"]) with { AccessKeyId = moto.Environment["AWS_ACCESS_KEY_ID"], SecretAccessKey = moto.Environment["AWS_SECRET_ACCESS_KEY"], Region = "us-east-1" };
            var s3Row = rows[^1].Name;
            var s3Snapshot = SnapshotId.Parse(moto.SnapshotId);
            var s3Folder = new ListOptions { Paths = [folder] };
            await using var reader = await ResticRepositoryReader.OpenAsync(s3, ResticPassword.FromValue(EndToEndHarness.Password));
            await InProcessAsync("S3 (moto): open (key derivation), then one folder of 1,000 files", s3Row, () => Task.CompletedTask, async () =>
            {
                await using var fresh = await ResticRepositoryReader.OpenAsync(s3, ResticPassword.FromValue(EndToEndHarness.Password));
                await DrainAsync(fresh.GetNodesAsync(s3Snapshot, s3Folder));
            });
            Task FolderAsync() => DrainAsync(reader.GetNodesAsync(s3Snapshot, s3Folder));
            await InProcessAsync("S3 (moto): the same folder again", s3Row, FolderAsync, FolderAsync);
        }

        Print("");
        Print(string.Create(CultureInfo.InvariantCulture, $"medians (best) of {samples}; load average at the end {EndToEndHarness.LoadAverage()}"));
        var reportFile = Path.Combine(work, "whole-process-report.md");
        await File.WriteAllTextAsync(reportFile, report.ToString());
        Console.WriteLine($"Written to {reportFile}");
        return 0;
    }

    private static async Task DrainAsync<T>(IAsyncEnumerable<T> items)
    {
        await foreach (var item in items)
        {
            _ = item;
        }
    }

    private static string Describe(List<EndToEndHarness.Sample> samples) => string.Create(
        CultureInfo.InvariantCulture,
        $"{EndToEndHarness.Median(samples.Select(s => s.Seconds)):0.000} s ({samples.Min(s => s.Seconds):0.000}), {EndToEndHarness.Median(samples.Select(s => s.CpuSeconds)):0.00} s CPU, {EndToEndHarness.Median(samples.Select(s => (double)s.PeakKiB)) / 1024:0} MiB");

    /// <summary>
    /// Runs a command once and counts its answer: a dump's bytes; a listing's nodes (restic prints the snapshot first);
    /// find's matches (each has a path); diff's change lines (a modifier, spaces, a path).
    /// </summary>
    private static long CountAnswer(string kind, string[] command, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        long count = 0;
        if (kind == "dump")
        {
            var buffer = new byte[1 << 20];
            int read;
            while ((read = process.StandardOutput.BaseStream.Read(buffer)) > 0)
            {
                count += read;
            }
        }
        else
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                count += kind switch
                {
                    "ls" => line.Contains("\"struct_type\":\"node\"", StringComparison.Ordinal) ? 1 : 0,
                    "find" => CountOf(line, "\"path\":"),
                    _ => DiffLine().IsMatch(line) ? 1 : 0,
                };
            }
        }

        process.WaitForExit();
        return process.ExitCode == 0 ? count : throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}).");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[-+TMU?]+\s+/")]
    private static partial System.Text.RegularExpressions.Regex DiffLine();

    /// <summary>50 snapshots of the 200k tree (tag "history"); the first and the last differ in 1,000 files.</summary>
    private static async Task EnsureHistoryAsync(ResticClient client, string work)
    {
        var marker = Path.Combine(work, "history-ready");
        if (File.Exists(marker))
        {
            return;
        }

        Console.WriteLine($"Adding {HistorySnapshots} snapshots of the 200k tree (once) ...");
        var source = Path.Combine(work, "src");
        for (var i = 0; i < HistorySnapshots; i++)
        {
            var folder = Path.Combine(source, $"d{i:000}");
            for (var f = 0; i > 0 && f < ChangedPerSnapshot; f++)
            {
                await File.AppendAllTextAsync(Path.Combine(folder, $"file-{f:0000}.txt"), $"version {i}\n");
            }

            for (var f = 0; i == HistorySnapshots - 1 && f < ChangedPerSnapshot; f++)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, $"added-{f:0000}.txt"), $"added in {i}\n");
            }

            await client.BackupAsync([source], new BackupOptions { Tags = ["history"] });
            Console.Write('.');
        }

        Console.WriteLine();
        await File.WriteAllTextAsync(marker, string.Empty);
    }
}
