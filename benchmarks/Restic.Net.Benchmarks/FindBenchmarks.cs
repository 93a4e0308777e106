using BenchmarkDotNet.Attributes;

namespace Restic.Net.Benchmarks;

/// <summary><c>find --json</c>: 41 recorded matches in each of 500 snapshots (20,500 nodes), <see cref="ResticClient.FindAsync"/> against the naive wrapper.</summary>
[MemoryDiagnoser]
public class FindBenchmarks : ISmokeTestable
{
    private byte[] _output = [];
    private ResticClient _client = null!;

    public int Snapshots { get; set; } = 500;

    public void UseSmallInputs() => Snapshots = 10;

    [GlobalSetup]
    public void Setup()
    {
        _output = Inputs.FindDocument(Snapshots);
        _client = InMemoryRestic.CreateClient(_output);
    }

    [Benchmark(Baseline = true)]
    public int Naive_ReadLineAndReflection()
    {
        using var reader = Naive.Open(_output);
        var matches = 0;
        foreach (var result in Naive.Deserialize<NaiveFindResult[]>(reader.ReadLine()!))
        {
            matches += result.Matches?.Length ?? 0;
        }

        return matches;
    }

    /// <summary>The production path: the pipe read as a stream of results (source-generated), projected per snapshot.</summary>
    [Benchmark]
    public async Task<int> FindAsync()
    {
        var matches = 0;
        await foreach (var result in _client.FindAsync(["*.txt"]).ConfigureAwait(false))
        {
            matches += result.Matches.Count;
        }

        return matches;
    }
}
