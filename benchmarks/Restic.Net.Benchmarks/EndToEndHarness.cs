using System.Diagnostics;
using System.Globalization;
using System.Text;
using Restic.Net;

/// <summary>
/// What the SDK costs on top of restic, whole process against whole process, measured interleaved
/// in one run on one machine (so that load from elsewhere hits both sides alike):
///  - ListAsync of 200,000 nodes in a fresh .NET process (the <c>list</c> mode) vs <c>restic ls --json latest &gt; /dev/null</c>,
///    wall time and peak RSS (GNU time's %M), and the same at 20,000 nodes; also with the runtime
///    settings for memory-bound hosts (<see cref="MemoryBoundSettings"/>);
///  - 50 sequential GetSnapshotsAsync vs a shell loop of 50 <c>restic snapshots --json &gt; /dev/null</c>;
///  - a backup whose events nobody waits for vs one whose consumer sleeps 200 ms per event.
/// The repository (200,000 small files) is built once and kept under the work folder (ignored by git).
///
/// dotnet run -c Release --project benchmarks/Restic.Net.Benchmarks -- e2e [work-folder] [samples]
/// restic: RESTIC_NET_RESTIC_BINARY, else restic on PATH. Needs /usr/bin/time (GNU time) and /bin/sh.
/// </summary>
internal static class EndToEndHarness
{
    private const int Folders = 200;
    private const int FilesPerFolder = 1000;
    private const int SmallFolders = 20;
    private const int SnapshotQueries = 50;
    internal const string Password = "benchmark";

    /// <summary>
    /// Runtime settings for a host that must stay small (see docs/benchmarks.md): a 4 MiB gen0 budget
    /// instead of one sized from the CPU's cache, and no instrumented tier (dynamic PGO).
    /// </summary>
    private static readonly string[] MemoryBoundSettings = ["DOTNET_GCgen0size=0x400000", "DOTNET_TieredPGO=0"];

    public static async Task<int> RunAsync(string[] args)
    {
        var work = Path.GetFullPath(args.Length > 1 ? args[1] : Path.Combine("artifacts", "e2e"));
        var samples = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var restic = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") ?? "restic";
        var repository = Path.Combine(work, "repo");
        var cache = Path.Combine(work, "cache");
        await using var client = new ResticClient(new ResticClientOptions
        {
            Repository = new LocalRepository(repository),
            Password = ResticPassword.FromValue(Password),
            BinaryPath = restic,
            CacheDirectory = cache,
        });

        var version = await client.GetVersionAsync();
        await EnsureRepositoryAsync(client, work, repository);
        var environment = new Dictionary<string, string>
        {
            ["RESTIC_REPOSITORY"] = repository,
            ["RESTIC_PASSWORD"] = Password,
            ["RESTIC_CACHE_DIR"] = cache,
            [ListProcess.RepositoryVariable] = repository,
            [ListProcess.PasswordVariable] = Password,
            [ListProcess.CacheVariable] = cache,
            ["RESTIC_NET_RESTIC_BINARY"] = restic,
        };

        var report = new StringBuilder();
        void Print(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Print(string.Create(CultureInfo.InvariantCulture, $"restic {version.VersionText}, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, load average {LoadAverage()}, {samples} samples per side, interleaved"));
        Print("");

        // 1. Listing, whole process against whole process.
        var countFile = Path.Combine(work, "count.txt");
        var self = SelfCommand();
        var lists = new Dictionary<string, List<Sample>>();
        var nodeCounts = new Dictionary<string, long>();
        foreach (var tag in new[] { "large", "small" })
        {
            var expected = nodeCounts[tag] = CountNodes(restic, environment, tag);
            string[] sdk = [.. self, "list", tag, countFile];
            string[] raw = [restic, "ls", "--json", "--tag", tag, "latest"];

            // The floor for any reader of restic's output: restic writes a line per system call, and a
            // pipe (unlike /dev/null) wakes its reader for each.
            string[] pipe = ["/bin/sh", "-c", "\"$0\" ls --json --tag \"$1\" latest | cat", restic, tag];
            // The same process with the settings docs/benchmarks.md suggests for memory-bound hosts.
            string[] tuned = ["/usr/bin/env", .. MemoryBoundSettings, .. sdk];
            var commands = new Dictionary<string, string[]> { ["sdk"] = sdk, ["raw"] = raw, ["pipe"] = pipe, ["tuned"] = tuned };
            foreach (var side in commands.Keys)
            {
                lists[$"{side}-{tag}"] = [];

                // One unmeasured run each: page cache and restic's cache are warm for all.
                Measure(commands[side], environment);
            }

            for (var i = 0; i < samples; i++)
            {
                // Rotate the order so that no side always runs right after the same other one.
                string[] sides = ["sdk", "raw", "pipe", "tuned"];
                foreach (var side in sides.Skip(i % sides.Length).Concat(sides.Take(i % sides.Length)))
                {
                    var sample = Measure(commands[side], environment);
                    if (side is "sdk" or "tuned")
                    {
                        var result = File.ReadAllText(countFile).Split(' ').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                        if (result[0] != expected)
                        {
                            throw new InvalidOperationException($"ListAsync saw {result[0]} nodes, restic ls printed {expected}.");
                        }

                        sample = sample with { OwnPeakKiB = result[1] };
                    }

                    lists[$"{side}-{tag}"].Add(sample);
                }
            }

            Print(string.Create(CultureInfo.InvariantCulture, $"ls of the '{tag}' snapshot: {expected:N0} nodes"));
        }

        Print("");
        Print("| listing (whole process) | nodes | wall, median | wall, min | CPU (user+sys, with children), median | peak RSS of the process, median | peak RSS with its children, median | wall ratio to `> /dev/null` (median) | wall ratio to `> /dev/null` (min) | wall ratio to `\\| cat` (median) |");
        Print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var tag in new[] { "large", "small" })
        {
            var raw = lists[$"raw-{tag}"];
            var pipe = lists[$"pipe-{tag}"];
            var sdk = lists[$"sdk-{tag}"];
            Print(Row($"`restic ls --json` > /dev/null ({tag})", nodeCounts[tag], raw, raw, pipe));
            Print(Row($"`restic ls --json \\| cat` > /dev/null ({tag})", nodeCounts[tag], pipe, raw, pipe));
            Print(Row($"`ListAsync` in a new .NET process ({tag})", nodeCounts[tag], sdk, raw, pipe));
            Print(Row($"`ListAsync`, memory-bound settings ({tag})", nodeCounts[tag], lists[$"tuned-{tag}"], raw, pipe));
        }

        Print("");
        foreach (var (side, name) in new[] { ("sdk", "ListAsync"), ("tuned", $"ListAsync with {string.Join(' ', MemoryBoundSettings)}") })
        {
            var peakLarge = Median(lists[$"{side}-large"].Select(s => (double)s.OwnPeakKiB));
            var peakSmall = Median(lists[$"{side}-small"].Select(s => (double)s.OwnPeakKiB));
            Print(string.Create(CultureInfo.InvariantCulture, $"{name}: process peak RSS {peakLarge / 1024:0.0} MiB at {nodeCounts["large"]:N0} nodes, {peakSmall / 1024:0.0} MiB at {nodeCounts["small"]:N0} nodes: difference {(peakLarge - peakSmall) / 1024:0.0} MiB"));
        }

        Print("");

        // 2. 50 snapshot queries: in-process client against a shell loop (fewer rounds: each takes a while).
        var rounds = Math.Max(2, (samples + 1) / 2);
        await client.GetSnapshotsAsync(); // warm: the version query and the JIT are paid once per client
        var loop = new[] { "/bin/sh", "-c", $"i=0; while [ $i -lt {SnapshotQueries} ]; do \"$0\" snapshots --json > /dev/null || exit 1; i=$((i+1)); done", restic };
        Measure(loop, environment);
        var sdkQueries = new List<double>();
        var shellQueries = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            foreach (var side in i % 2 == 0 ? new[] { "sdk", "raw" } : ["raw", "sdk"])
            {
                if (side == "sdk")
                {
                    var watch = Stopwatch.StartNew();
                    for (var q = 0; q < SnapshotQueries; q++)
                    {
                        _ = await client.GetSnapshotsAsync();
                    }

                    sdkQueries.Add(watch.Elapsed.TotalSeconds);
                }
                else
                {
                    shellQueries.Add(Measure(loop, environment).Seconds);
                }
            }
        }

        Print($"| {SnapshotQueries} snapshot queries ({rounds} rounds each) | median | min | ratio (median) | ratio (min) |");
        Print("|---|---:|---:|---:|---:|");
        Print(string.Create(CultureInfo.InvariantCulture, $"| shell loop of `restic snapshots --json` | {Median(shellQueries):0.000} s | {shellQueries.Min():0.000} s | 1.000 | 1.000 |"));
        Print(string.Create(CultureInfo.InvariantCulture, $"| sequential `GetSnapshotsAsync` | {Median(sdkQueries):0.000} s | {sdkQueries.Min():0.000} s | {Median(sdkQueries) / Median(shellQueries):0.000} | {sdkQueries.Min() / shellQueries.Min():0.000} |"));
        Print("");

        // 3. A slow consumer against none (BackPressureHarness's measurement, interleaved).
        var (fast, slow, megabytes) = await BackPressureHarness.CompareAsync(Path.Combine(work, "backpressure"), restic, samples, megabytes: 256);
        Print($"| backup of {megabytes} MiB (--force) | restic's duration, median | wall, median | status events seen | ratio of restic's duration (median) | ratio of wall (median) |");
        Print("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, runs) in new[] { ("events taken at once", fast), ("consumer sleeps 200 ms per event", slow) })
        {
            Print(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Median(runs.Select(r => r.Restic.TotalSeconds)):0.000} s | {Median(runs.Select(r => r.Wall.TotalSeconds)):0.000} s | {runs.Average(r => r.Statuses):0.0} | {Median(runs.Select(r => r.Restic.TotalSeconds)) / Median(fast.Select(r => r.Restic.TotalSeconds)):0.000} | {Median(runs.Select(r => r.Wall.TotalSeconds)) / Median(fast.Select(r => r.Wall.TotalSeconds)):0.000} |"));
        }

        Print("");
        Print($"load average at the end: {LoadAverage()}");
        var file = Path.Combine(work, $"results-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"(written to {file})");
        return 0;
    }

    private static string Row(string name, long nodes, List<Sample> side, List<Sample> raw, List<Sample> pipe)
    {
        var wall = Median(side.Select(s => s.Seconds));
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {nodes:N0} | {wall:0.000} s | {side.Min(s => s.Seconds):0.000} s | {Median(side.Select(s => s.CpuSeconds)):0.00} s | {Median(side.Select(s => (double)s.OwnPeakKiB)) / 1024:0.0} MiB | {Median(side.Select(s => (double)s.PeakKiB)) / 1024:0.0} MiB | {wall / Median(raw.Select(s => s.Seconds)):0.000} | {side.Min(s => s.Seconds) / raw.Min(s => s.Seconds):0.000} | {wall / Median(pipe.Select(s => s.Seconds)):0.000} |");
    }

    /// <summary>Builds the repository once: 200 folders of 1,000 small files, a snapshot of all (tag large) and of 20 folders (tag small).</summary>
    internal static async Task EnsureRepositoryAsync(ResticClient client, string work, string repository)
    {
        var marker = Path.Combine(work, "ready");
        if (File.Exists(marker))
        {
            return;
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Console.WriteLine($"Building the repository in {work} (once; later runs reuse it) ...");
        var source = Path.Combine(work, "src");
        for (var d = 0; d < Folders; d++)
        {
            var folder = Directory.CreateDirectory(Path.Combine(source, $"d{d:000}")).FullName;
            for (var f = 0; f < FilesPerFolder; f++)
            {
                File.WriteAllText(Path.Combine(folder, $"file-{f:0000}.txt"), $"folder {d}, file {f}\n");
            }
        }

        await client.InitAsync();
        await client.BackupAsync([source], new BackupOptions { Tags = ["large"] });
        var small = Enumerable.Range(0, SmallFolders).Select(d => Path.Combine(source, $"d{d:000}")).ToArray();
        await client.BackupAsync(small, new BackupOptions { Tags = ["small"] });
        await File.WriteAllTextAsync(marker, repository);
    }

    /// <summary>How many nodes restic ls prints for the snapshot: the count ListAsync must reach.</summary>
    internal static long CountNodes(string restic, Dictionary<string, string> environment, string tag)
    {
        var start = new ProcessStartInfo(restic) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "ls", "--json", "--tag", tag, "latest" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        long nodes = 0;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            nodes += line.Contains("\"struct_type\":\"node\"", StringComparison.Ordinal) ? 1 : 0;
        }

        process.WaitForExit();
        return nodes;
    }

    /// <summary>Runs a command with stdout to /dev/null under GNU time: wall time (here) and peak RSS (time's %M, KiB).</summary>
    internal static Sample Measure(string[] command, Dictionary<string, string> environment)
    {
        var timeFile = Path.Combine(Path.GetTempPath(), $"restic-net-e2e-{Environment.ProcessId}.time");
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec /usr/bin/time -f '%M %U %S' -o \"$0\" \"$@\" > /dev/null");
        start.ArgumentList.Add(timeFile);
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.WaitForExit();
        watch.Stop();
        var lines = File.ReadAllLines(timeFile);
        File.Delete(timeFile);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {string.Join(' ', lines)}");
        }

        // GNU time reports the largest of the process and the children it waited for: for restic, restic itself.
        var fields = lines[^1].Split(' ');
        var peak = long.Parse(fields[0], CultureInfo.InvariantCulture);
        var cpu = double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture);
        return new Sample(watch.Elapsed.TotalSeconds, cpu, peak, peak);
    }

    /// <summary>How to start this program again: its apphost, or dotnet with its assembly.</summary>
    internal static string[] SelfCommand()
    {
        var path = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(path) == "dotnet" ? [path, typeof(EndToEndHarness).Assembly.Location] : [path];
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Wall time; CPU time of the process and its children; peak RSS of the process tree (GNU time); peak RSS of the process itself (VmHWM for the list mode).</summary>
    internal readonly record struct Sample(double Seconds, double CpuSeconds, long PeakKiB, long OwnPeakKiB);
}
