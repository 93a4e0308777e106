using System.Diagnostics;
using System.Globalization;
using System.Text;
using Restic.Net;

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
internal static class WholeProcessHarness
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

        var rows = new (string Name, string[] Native, string[] Restic, string Target)[]
        {
            ("dump of the 1 GiB file", Native("dump", huge.Id.ToString(), hugeFile), Restic("dump", huge.Id.ToString(), hugeFile), "wall ≤ 1×, peak ≤ restic + 50 MiB"),
            ("whole listing of the 200k snapshot", Native("ls", large.Id.ToString()), Restic("ls", "--json", large.Id.ToString()), "wall ≤ 0.5×"),
            ("open, then one folder of 1,000 files", Native("ls", large.Id.ToString(), folder), Restic("ls", "--json", large.Id.ToString(), folder), "–"),
            ($"find {FindPattern} over {history.Count} snapshots of the 200k tree", Native("find", "history", FindPattern), Restic("find", "--json", "--tag", "history", FindPattern), "≥ 20× faster"),
            ("diff of two 200k snapshots, 1,000 changes", Native("diff", history[0].Id.ToString(), history[^1].Id.ToString()), Restic("diff", history[0].Id.ToString(), history[^1].Id.ToString()), "≥ 10× faster"),
        };

        var report = new StringBuilder();
        void Print(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Print(string.Create(CultureInfo.InvariantCulture, $"restic {version.VersionText}, .NET {Environment.Version}, {Environment.ProcessorCount} CPUs, load average {EndToEndHarness.LoadAverage()}, {samples} samples per side, interleaved, whole processes"));
        Print("");
        Print("| what | native: wall, CPU, peak | restic: wall, CPU, peak | wall ratio | target |");
        Print("|---|---|---|---|---|");
        foreach (var row in rows.Where(r => only is null || r.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            // The same answer first (and both caches and the page cache warm).
            var nativeLines = CountLines(row.Native, environment);
            var resticLines = CountLines(row.Restic, environment);
            if (row.Name.StartsWith("dump", StringComparison.Ordinal) ? nativeLines.Bytes != resticLines.Bytes : nativeLines.Lines != resticLines.Lines)
            {
                throw new InvalidOperationException($"{row.Name}: the native process printed {nativeLines} (lines, bytes), restic {resticLines}.");
            }

            var native = new List<EndToEndHarness.Sample>();
            var cliSamples = new List<EndToEndHarness.Sample>();
            for (var i = 0; i < samples; i++)
            {
                if (i % 2 == 0)
                {
                    native.Add(EndToEndHarness.Measure(row.Native, environment));
                    cliSamples.Add(EndToEndHarness.Measure(row.Restic, environment));
                }
                else
                {
                    cliSamples.Add(EndToEndHarness.Measure(row.Restic, environment));
                    native.Add(EndToEndHarness.Measure(row.Native, environment));
                }
            }

            var ratio = EndToEndHarness.Median(native.Select(s => s.Seconds)) / EndToEndHarness.Median(cliSamples.Select(s => s.Seconds));
            Print(string.Create(CultureInfo.InvariantCulture, $"| {row.Name} | {Describe(native)} | {Describe(cliSamples)} | **{ratio:0.00}×**{(ratio < 1 ? string.Create(CultureInfo.InvariantCulture, $" ({1 / ratio:0.0}× faster)") : string.Empty)} | {row.Target} |"));
        }

        Print("");
        Print(string.Create(CultureInfo.InvariantCulture, $"medians (best) of {samples}; load average at the end {EndToEndHarness.LoadAverage()}"));
        var reportFile = Path.Combine(work, "whole-process-report.md");
        await File.WriteAllTextAsync(reportFile, report.ToString());
        Console.WriteLine($"Written to {reportFile}");
        return 0;
    }

    private static string Describe(List<EndToEndHarness.Sample> samples) => string.Create(
        CultureInfo.InvariantCulture,
        $"{EndToEndHarness.Median(samples.Select(s => s.Seconds)):0.000} s ({samples.Min(s => s.Seconds):0.000}), {EndToEndHarness.Median(samples.Select(s => s.CpuSeconds)):0.00} s CPU, {EndToEndHarness.Median(samples.Select(s => (double)s.PeakKiB)) / 1024:0} MiB");

    /// <summary>Runs a command once and counts its output's lines and bytes.</summary>
    private static (long Lines, long Bytes) CountLines(string[] command, Dictionary<string, string> environment)
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
        var stream = process.StandardOutput.BaseStream;
        var buffer = new byte[1 << 20];
        long lines = 0, bytes = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}).");
        }

        return (lines, bytes);
    }

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
