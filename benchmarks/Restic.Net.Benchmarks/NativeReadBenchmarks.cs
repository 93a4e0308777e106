using BenchmarkDotNet.Attributes;
using Restic.Net.Repository;

namespace Restic.Net.Benchmarks;

/// <summary>
/// Restic.Net.Repository on a small repository restic 0.18.0 wrote (TestData/native-repo): opening (scrypt with
/// restic's calibrated parameters), and the calls an open reader serves from memory and the page cache:
/// snapshots, one folder, and a 700 KiB file (read by range, authenticated, decompressed, hashed). The end-to-end
/// comparison with the restic CLI is eng/benchmark-native.sh.
/// </summary>
[MemoryDiagnoser]
public class NativeReadBenchmarks : ISmokeTestable
{
    private static readonly ResticPassword Password = ResticPassword.FromValue("benchmark");
    private readonly LocalRepository _repository = new(Path.Combine(AppContext.BaseDirectory, "TestData", "native-repo"));
    private ResticRepositoryReader _reader = null!;

    /// <summary>The inputs are small already: the smoke test runs them as they are.</summary>
    public void UseSmallInputs()
    {
    }

    [GlobalSetup]
    public async Task Setup() => _reader = await ResticRepositoryReader.OpenAsync(_repository, Password);

    [GlobalCleanup]
    public void Cleanup() => _reader.Dispose();

    /// <summary>Key files, scrypt and the config: what every restic command pays first.</summary>
    [Benchmark]
    public async Task<int> OpenAsync()
    {
        using var reader = await ResticRepositoryReader.OpenAsync(_repository, Password);
        return reader.Config.Version;
    }

    [Benchmark]
    public async Task<int> GetSnapshotsAsync_OpenReader() => (await _reader.GetSnapshotsAsync()).Count;

    [Benchmark]
    public async Task<int> ListOneFolder_OpenReader()
    {
        var count = 0;
        await foreach (var node in _reader.GetNodesAsync(SnapshotReference.Latest, new ListOptions { Paths = ["/folder3"] }))
        {
            count++;
        }

        return count;
    }

    [Benchmark]
    public async Task<long> ReadFile_OpenReader()
    {
        await using var stream = await _reader.OpenFileAsync(SnapshotReference.Latest, "/data.bin");
        await stream.CopyToAsync(Stream.Null);
        return stream.Length;
    }
}
