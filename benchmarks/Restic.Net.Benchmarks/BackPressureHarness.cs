using System.Diagnostics;
using System.Globalization;
using Restic.Net;

/// <summary>
/// Shows that a slow consumer does not slow restic down: the same backup (re-read with --force) runs
/// with a consumer that takes every event at once and with one that sleeps 200 ms per event,
/// interleaved. restic's own duration (from its summary) must not change; the consumer only sees
/// fewer, coalesced status events. A harness rather than a BenchmarkDotNet job, because the metric
/// is restic's reported time.
///
/// dotnet run -c Release --project benchmarks/Restic.Net.Benchmarks -- backpressure [runs] [megabytes]
/// restic: RESTIC_NET_RESTIC_BINARY, else restic on PATH.
/// </summary>
internal static class BackPressureHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var megabytes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 256;
        var root = Directory.CreateTempSubdirectory("restic-net-backpressure-").FullName;
        try
        {
            var restic = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") ?? "restic";
            var (fast, slow, _) = await CompareAsync(root, restic, runs, megabytes);
            Console.WriteLine($"{megabytes} MiB re-read per backup (--force), progress 20/s, {runs} runs each, interleaved");
            Console.WriteLine();
            Console.WriteLine("| consumer | restic's duration (mean) | wall time (mean) | status events seen (mean) | errors and summaries lost |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (delay, results) in new[] { (0, fast), (200, slow) })
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| sleeps {delay} ms per event | {results.Average(r => r.Restic.TotalSeconds):0.00} s | {results.Average(r => r.Wall.TotalSeconds):0.00} s | {results.Average(r => r.Statuses):0.0} | {results.Count(r => !r.Completed)} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Backs up <paramref name="megabytes"/> of random data in a fresh repository under <paramref name="root"/>
    /// (the data file is kept for the next run), then <paramref name="runs"/> times each, alternating:
    /// a consumer taking every event at once, and one sleeping 200 ms per event.
    /// </summary>
    public static async Task<(List<Run> Fast, List<Run> Slow, int Megabytes)> CompareAsync(string root, string restic, int runs, int megabytes)
    {
        var source = Directory.CreateDirectory(Path.Combine(root, "src")).FullName;
        var data = Path.Combine(source, "data.bin");
        if (!File.Exists(data) || new FileInfo(data).Length != megabytes * 1024L * 1024)
        {
            WriteRandomFile(data, megabytes);
        }

        var repository = Path.Combine(root, "repo");
        if (Directory.Exists(repository))
        {
            Directory.Delete(repository, recursive: true);
        }

        await using var client = new ResticClient(new ResticClientOptions
        {
            Repository = new LocalRepository(repository),
            Password = ResticPassword.FromValue("benchmark"),
            BinaryPath = restic,
            CacheDirectory = Path.Combine(root, "cache"),
            ProgressInterval = TimeSpan.FromMilliseconds(50), // 20 status lines a second
        });
        await client.InitAsync();
        await client.BackupAsync([source]); // warm-up: the data is stored once

        var fast = new List<Run>();
        var slow = new List<Run>();
        for (var i = 0; i < runs; i++)
        {
            // Alternate which goes first, so that neither always follows the other.
            foreach (var delay in i % 2 == 0 ? new[] { 0, 200 } : [200, 0])
            {
                (delay == 0 ? fast : slow).Add(await MeasureAsync(client, source, TimeSpan.FromMilliseconds(delay)));
            }
        }

        return (fast, slow, megabytes);
    }

    private static async Task<Run> MeasureAsync(ResticClient client, string source, TimeSpan delay)
    {
        var watch = Stopwatch.StartNew();
        var statuses = 0;
        BackupSummary? summary = null;
        await foreach (var item in client.StreamBackupAsync([source], new BackupOptions { Force = true }))
        {
            switch (item)
            {
                case BackupStatusEvent:
                    statuses++;
                    break;
                case BackupCompletedEvent completed:
                    summary = completed.Summary;
                    break;
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay);
            }
        }

        return new Run(summary?.TotalDuration ?? TimeSpan.Zero, watch.Elapsed, statuses, summary is not null);
    }

    private static void WriteRandomFile(string path, int megabytes)
    {
        var random = new Random(1);
        var buffer = new byte[1024 * 1024];
        using var stream = File.Create(path);
        for (var i = 0; i < megabytes; i++)
        {
            random.NextBytes(buffer);
            stream.Write(buffer);
        }
    }

    /// <summary>One backup: restic's own duration, the consumer's wall time, the status events it saw, whether the summary arrived.</summary>
    internal readonly record struct Run(TimeSpan Restic, TimeSpan Wall, int Statuses, bool Completed);
}
