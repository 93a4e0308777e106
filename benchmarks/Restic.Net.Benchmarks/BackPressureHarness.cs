using System.Diagnostics;
using System.Globalization;
using Restic.Net;

/// <summary>
/// Shows that a slow consumer does not slow restic down: the same backup (re-read with --force) runs
/// with a consumer that takes every event at once and with one that sleeps 200 ms per event. restic's
/// own duration (from its summary) must not change; the consumer only sees fewer, coalesced status
/// events. A harness rather than a BenchmarkDotNet job, because the metric is restic's reported time.
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
            var source = Directory.CreateDirectory(Path.Combine(root, "src")).FullName;
            WriteRandomFile(Path.Combine(source, "data.bin"), megabytes);
            var client = new ResticClient(new ResticClientOptions
            {
                Repository = new LocalRepository(Path.Combine(root, "repo")),
                Password = ResticPassword.FromValue("benchmark"),
                BinaryPath = Environment.GetEnvironmentVariable("RESTIC_NET_RESTIC_BINARY") ?? "restic",
                CacheDirectory = Path.Combine(root, "cache"),
                ProgressInterval = TimeSpan.FromMilliseconds(50), // 20 status lines a second
            });
            var version = await client.GetVersionAsync();
            await client.InitAsync();
            await client.BackupAsync(new BackupOptions(source)); // warm-up: the data is stored once

            Console.WriteLine($"restic {version.VersionText}, {megabytes} MiB re-read per backup (--force), progress 20/s, {runs} runs each");
            Console.WriteLine();
            Console.WriteLine("| consumer | restic's duration (mean) | wall time (mean) | status events seen (mean) | errors and summaries lost |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var delay in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(200) })
            {
                var results = new List<(TimeSpan Restic, TimeSpan Wall, int Statuses, bool Completed)>();
                for (var i = 0; i < runs; i++)
                {
                    results.Add(await MeasureAsync(client, source, delay));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| sleeps {delay.TotalMilliseconds:0} ms per event | {results.Average(r => r.Restic.TotalSeconds):0.00} s | {results.Average(r => r.Wall.TotalSeconds):0.00} s | {results.Average(r => r.Statuses):0.0} | {results.Count(r => !r.Completed)} |"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<(TimeSpan Restic, TimeSpan Wall, int Statuses, bool Completed)> MeasureAsync(ResticClient client, string source, TimeSpan delay)
    {
        var watch = Stopwatch.StartNew();
        var statuses = 0;
        BackupSummary? summary = null;
        await foreach (var item in client.StreamBackupAsync(new BackupOptions(source) { Force = true }))
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

        return (summary?.TotalDuration ?? TimeSpan.Zero, watch.Elapsed, statuses, summary is not null);
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
}
