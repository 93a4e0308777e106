using BenchmarkDotNet.Attributes;

namespace Restic.Net.Benchmarks;

/// <summary>
/// <c>backup --json --verbose</c> of 10,000 new files (10,000 file events, 5,000 status lines, the
/// summary): <see cref="ResticClient.StreamBackupAsync"/> consumed to the end against the naive wrapper.
/// </summary>
[MemoryDiagnoser]
public class BackupStreamBenchmarks : ISmokeTestable
{
    private byte[] _output = [];
    private ResticClient _client = null!;

    public int Files { get; set; } = 10_000;

    public void UseSmallInputs() => Files = 200;

    [GlobalSetup]
    public void Setup()
    {
        _output = Inputs.BackupOutput(Files);
        _client = InMemoryRestic.CreateClient(_output);
    }

    /// <summary>A string per line, its type read first, then the line again into the DTO of that type.</summary>
    [Benchmark(Baseline = true)]
    public long Naive_ReadLineAndReflection()
    {
        using var reader = Naive.Open(_output);
        long files = 0;
        NaiveBackupSummary? summary = null;
        while (reader.ReadLine() is { } line)
        {
            switch (Naive.Deserialize<NaiveMessage>(line).MessageType)
            {
                case "status":
                    _ = Naive.Deserialize<NaiveBackupStatus>(line);
                    break;
                case "verbose_status":
                    files += Naive.Deserialize<NaiveBackupFile>(line).Action == "new" ? 1L : 0;
                    break;
                case "summary":
                    summary = Naive.Deserialize<NaiveBackupSummary>(line);
                    break;
            }
        }

        return summary is null ? 0 : files;
    }

    /// <summary>The production path: line splitting, <c>BackupOutputParser</c>, the event queue, events to the consumer.</summary>
    [Benchmark]
    public async Task<long> StreamBackupAsync()
    {
        long files = 0;
        BackupSummary? summary = null;
        await foreach (var item in _client.StreamBackupAsync(["/srv/data"]).ConfigureAwait(false))
        {
            switch (item)
            {
                case BackupFileEvent file:
                    files += file.Action == FileAction.New ? 1L : 0;
                    break;
                case BackupCompletedEvent completed:
                    summary = completed.Summary;
                    break;
            }
        }

        return summary is null ? 0 : files;
    }
}
