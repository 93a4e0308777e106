using BenchmarkDotNet.Attributes;

namespace Restic.Net.Benchmarks;

/// <summary><c>snapshots --json</c> with 10,000 snapshots: <see cref="ResticClient.GetSnapshotsAsync"/> against the naive wrapper.</summary>
[MemoryDiagnoser]
public class SnapshotsBenchmarks : ISmokeTestable
{
    private byte[] _output = [];
    private ResticClient _client = null!;

    public int Snapshots { get; set; } = 10_000;

    public void UseSmallInputs() => Snapshots = 100;

    [GlobalSetup]
    public void Setup()
    {
        _output = Inputs.SnapshotsDocument(Snapshots);
        _client = InMemoryRestic.CreateClient(_output);
    }

    [Benchmark(Baseline = true)]
    public int Naive_ReadLineAndReflection()
    {
        using var reader = Naive.Open(_output);
        return Naive.Deserialize<NaiveSnapshot[]>(reader.ReadLine()!).Length;
    }

    /// <summary>The production path: stdout collected by the buffering sink, source-generated DTOs, projection to <see cref="Snapshot"/>.</summary>
    [Benchmark]
    public async Task<int> GetSnapshotsAsync() => (await _client.GetSnapshotsAsync().ConfigureAwait(false)).Count;
}
