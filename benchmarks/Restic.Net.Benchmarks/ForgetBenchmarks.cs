using BenchmarkDotNet.Attributes;

namespace Restic.Net.Benchmarks;

/// <summary><c>forget --json</c> keeping 2,000 snapshots (with reasons) and removing 3,000: <see cref="ResticClient.ForgetAsync"/> against the naive wrapper.</summary>
[MemoryDiagnoser]
public class ForgetBenchmarks : ISmokeTestable
{
    private byte[] _output = [];
    private ResticClient _client = null!;

    public int Keep { get; set; } = 2_000;

    public int Remove { get; set; } = 3_000;

    public void UseSmallInputs() => (Keep, Remove) = (20, 30);

    [GlobalSetup]
    public void Setup()
    {
        _output = Inputs.ForgetDocument(Keep, Remove);
        _client = InMemoryRestic.CreateClient(_output);
    }

    [Benchmark(Baseline = true)]
    public int Naive_ReadLineAndReflection()
    {
        using var reader = Naive.Open(_output);
        var group = Naive.Deserialize<NaiveForgetGroup[]>(reader.ReadLine()!)[0];
        return (group.Keep?.Length ?? 0) + (group.Remove?.Length ?? 0);
    }

    /// <summary>The production path: stdout collected by the buffering sink, source-generated DTOs, projection to <see cref="ForgetGroup"/>.</summary>
    [Benchmark]
    public async Task<int> ForgetAsync()
    {
        var result = await _client.ForgetAsync(new RetentionPolicy { KeepDaily = 2_000 }).ConfigureAwait(false);
        return result.Groups[0].Keep.Count + result.Groups[0].Remove.Count;
    }
}
