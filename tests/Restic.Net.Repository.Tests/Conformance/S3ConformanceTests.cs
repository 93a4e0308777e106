using Restic.Net.Repository.Tests.Support;
using Restic.Net.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The conformance tests on a repository that restic wrote into a moto S3 bucket, read natively over S3; and a client
/// that opted into native reads serves an S3 repository without restic.
/// </summary>
public sealed class S3ConformanceTests(S3ConformanceRepository repository) : ConformanceTests<S3ConformanceRepository>(repository), IDisposable
{
    private readonly S3ConformanceRepository _repository = repository;
    private readonly TempDirectory _folder = new("restic-net-s3-native-");

    [Fact]
    public async Task A_client_with_native_reads_reads_S3_without_restic()
    {
        var logs = new CapturingLoggerFactory();
        var options = _repository.ClientOptions().UseNativeReads();
        options.BinaryPath = _folder.Combine("no-restic-here");
        options.CacheDirectory = _folder.Combine("cache");
        var native = new ResticClient(options, logs);
        var cli = _repository.Client;

        Assert.Equal(await cli.GetSnapshotsAsync(), await native.GetSnapshotsAsync());
        Assert.Equal(await cli.GetConfigAsync(), await native.GetConfigAsync());
        var nodes = await native.GetNodesAsync(SnapshotReference.Latest).ToListAsync();

        // restic prints inodes from 0.16.1 on; the reader always reports them.
        var comparable = _repository.Version.Version < new Version(0, 16, 1) ? nodes.Select(node => node with { Inode = null }).ToList() : nodes;
        Assert.Equal(await cli.GetNodesAsync(SnapshotReference.Latest).ToListAsync(), comparable);
        var big = nodes.Single(node => node.Name == "big.bin");
        using var nativeBytes = new MemoryStream();
        await native.DumpAsync(SnapshotReference.Latest, big.Path, nativeBytes);
        using var cliBytes = new MemoryStream();
        await cli.DumpAsync(SnapshotReference.Latest, big.Path, cliBytes);
        Bytes.AssertEqual(cliBytes.ToArray(), nativeBytes.ToArray(), "big.bin");

        // Writes still need restic, which is not there: the native path really served the reads above.
        await Assert.ThrowsAsync<ResticBinaryNotFoundException>(() => native.BackupAsync([_repository.Source]));
        Assert.Single(logs.Entries, entry => entry.EventId.Id == 1050);
        Assert.DoesNotContain(logs.Entries, entry => entry.AllText.Contains(_repository.S3.SecretAccessKey!, StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
