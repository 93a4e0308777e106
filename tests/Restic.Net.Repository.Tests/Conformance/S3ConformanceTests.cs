using Restic.Net.Repository.Tests.Support;
using Restic.Net.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The conformance tests on a repository that restic wrote into a moto S3 bucket, read natively over S3; and a client
/// that opted into native reads serves an S3 repository without restic.
/// </summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
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

    [Fact]
    public async Task Temporary_credentials_with_a_session_token_read_as_well()
    {
        // moto accepts any token; what is tested is that the signed requests carry it and the reader reads.
        var withToken = _repository.S3 with { SessionToken = "moto-session-token" };
        await using var reader = await ResticRepositoryReader.OpenAsync(withToken, _repository.Password);
        Assert.Equal(_repository.Snapshots, await reader.GetSnapshotsAsync());
        Assert.DoesNotContain("moto-session-token", reader.Config.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_stops_midway_is_a_timeout_and_the_next_read_works()
    {
        var timeout = TimeSpan.FromSeconds(2);
        var hang = TimeSpan.FromSeconds(60); // far above the timeout: only a read that never ends reaches it
        await using var proxy = new StallingProxy(new Uri(_repository.Moto.Endpoint + "/"));
        var s3 = _repository.S3;
        var location = new S3Repository($"http://127.0.0.1:{proxy.Port}", s3.Bucket)
        {
            Prefix = s3.Prefix, AccessKeyId = s3.AccessKeyId, SecretAccessKey = s3.SecretAccessKey, Region = s3.Region, BucketLookup = S3BucketLookup.Path,
        };
        await using var reader = await ResticRepositoryReader.OpenAsync(location, _repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = timeout });
        var big = (await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync()).Single(node => node.Name == "big.bin");
        await using var stream = await reader.OpenFileAsync(SnapshotReference.Latest, big.Path);

        // A pack range, then a listing (ListObjectsV2), each stopping in the middle of its body.
        proxy.StallBodyOf = path => path.Contains("/data/", StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<ResticTimeoutException>(() => stream.CopyToAsync(Stream.Null).WaitAsync(hang));
        Assert.Equal(timeout, error.Timeout);
        proxy.StallBodyOf = path => path.Contains("list-type=2", StringComparison.Ordinal);
        await Assert.ThrowsAsync<ResticTimeoutException>(() => reader.GetSnapshotsAsync().WaitAsync(hang));
        Assert.True(proxy.Stalled >= 2);

        proxy.StallBodyOf = null;
        Assert.Equal(_repository.Snapshots, await reader.GetSnapshotsAsync());
        await using var again = await reader.OpenFileAsync(SnapshotReference.Latest, big.Path);
        Bytes.AssertEqual(await File.ReadAllBytesAsync(Path.Combine(_repository.Source, "big.bin")), await Bytes.ReadAllAsync(again), "big.bin after the stall");
    }

    public void Dispose() => _folder.Dispose();
}
