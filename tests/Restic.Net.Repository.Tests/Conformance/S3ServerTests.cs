using Restic.Net.Repository.Storage;
using Restic.Net.Repository.Tests.Support;

namespace Restic.Net.Repository.Tests.Conformance;

/// <summary>
/// The reader over a moto S3 server that checks every request's signature and permissions (IAM enforced): it reads what
/// it reads locally, and refused keys, a missing bucket and a stopped server are the typed errors REST has.
/// </summary>
[Trait("Restic", "Newest")] // a transport, not a format: against the newest restic only (docs/design-decisions.md)
public sealed class S3ServerTests(FormatVersion2Repository repository, MotoIamServer moto) :
    IClassFixture<FormatVersion2Repository>, IClassFixture<MotoIamServer>
{
    [Fact]
    public async Task Snapshots_listings_and_files_over_S3_equal_the_local_ones()
    {
        var location = moto.Repository("s3-reads", moto.AllowedKey) with { Prefix = "some/prefix" };
        await S3Objects.UploadAsync(location, repository.Repository);

        await using var local = await ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
        await using var remote = await ResticRepositoryReader.OpenAsync(location, repository.Password);
        Assert.Equal(local.Config with { Location = string.Empty }, remote.Config with { Location = string.Empty });
        Assert.Equal(location.RedactedLocation, remote.Config.Location);
        Assert.DoesNotContain(moto.AllowedKey.SecretAccessKey, remote.Config.Location, StringComparison.Ordinal);
        Assert.Equal(await local.GetSnapshotsAsync(), await remote.GetSnapshotsAsync());

        var nodes = await remote.GetNodesAsync(SnapshotReference.Latest).ToListAsync();
        Assert.Equal(await local.GetNodesAsync(SnapshotReference.Latest).ToListAsync(), nodes);
        foreach (var file in nodes.Where(node => node.Type == NodeType.File && !node.Path.Contains("/shared/", StringComparison.Ordinal)))
        {
            await using var stream = await remote.OpenFileAsync(SnapshotReference.Latest, file.Path);
            Bytes.AssertEqual(await File.ReadAllBytesAsync(file.Path), await Bytes.ReadAllAsync(stream), file.Path + " over S3");
        }

        // Without a region the reader signs for us-east-1, which S3-compatible servers accept.
        await using var noRegion = await ResticRepositoryReader.OpenAsync(location with { Region = null }, repository.Password);
        Assert.Equal(await local.GetSnapshotsAsync(), await noRegion.GetSnapshotsAsync());
    }

    [Fact]
    public async Task Without_a_region_the_reader_asks_the_bucket_for_it_as_restic_does()
    {
        var location = moto.Repository("s3-frankfurt", moto.AllowedKey, region: null);
        await S3Objects.UploadAsync(location, repository.Repository, bucketRegion: "eu-central-1");

        using (var asked = await S3Storage.OpenAsync(location, TimeSpan.FromSeconds(30), default))
        {
            Assert.Equal("eu-central-1", asked.SigningRegion);
        }

        // A region on the repository is taken as it is; a key that may not ask leaves us-east-1, as with restic.
        using (var given = await S3Storage.OpenAsync(location with { Region = "us-west-2" }, TimeSpan.FromSeconds(30), default))
        {
            Assert.Equal("us-west-2", given.SigningRegion);
        }

        using (var refused = await S3Storage.OpenAsync(moto.Repository("s3-frankfurt", moto.UnprivilegedKey, region: null), TimeSpan.FromSeconds(30), default))
        {
            Assert.Equal("us-east-1", refused.SigningRegion);
        }

        await using var local = await ResticRepositoryReader.OpenAsync(repository.Location, repository.Password);
        await using var remote = await ResticRepositoryReader.OpenAsync(location, repository.Password);
        Assert.Equal(await local.GetSnapshotsAsync(), await remote.GetSnapshotsAsync());
    }

    [Fact]
    public async Task A_wrong_secret_key_is_access_denied_and_the_message_holds_no_secret()
    {
        var location = moto.Repository("s3-denied", moto.AllowedKey);
        await S3Objects.UploadAsync(location, repository.Repository);
        const string WrongSecret = "wrong-secret-key-that-must-not-leak";
        var wrong = location with { SecretAccessKey = WrongSecret, SessionToken = null };

        var denied = await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => ResticRepositoryReader.OpenAsync(wrong, repository.Password));

        Assert.False(denied.IsTransient);
        Assert.DoesNotContain(WrongSecret, denied.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(moto.AllowedKey.SecretAccessKey, denied.ToString(), StringComparison.Ordinal);

        // A valid key without any permission is refused the same way.
        var unprivileged = moto.Repository("s3-denied", moto.UnprivilegedKey);
        var refused = await Assert.ThrowsAsync<ResticBackendAccessDeniedException>(() => ResticRepositoryReader.OpenAsync(unprivileged, repository.Password));
        Assert.DoesNotContain(moto.UnprivilegedKey.SecretAccessKey, refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_bucket_or_prefix_is_no_repository()
    {
        var missingBucket = moto.Repository("no-such-bucket", moto.AllowedKey);
        var notFound = await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(missingBucket, repository.Password));
        Assert.False(notFound.IsTransient);
        Assert.Contains("no-such-bucket", notFound.ToString(), StringComparison.Ordinal);

        var location = moto.Repository("s3-prefix", moto.AllowedKey) with { Prefix = "there" };
        await S3Objects.UploadAsync(location, repository.Repository);
        await Assert.ThrowsAsync<ResticRepositoryNotFoundException>(() => ResticRepositoryReader.OpenAsync(location with { Prefix = "elsewhere" }, repository.Password));
    }

    [Fact]
    public async Task A_server_that_is_gone_is_unreachable_not_a_hang()
    {
        var port = ServerProcess.FreePort();
        var gone = new S3Repository($"http://127.0.0.1:{port}", "bucket") { AccessKeyId = "id", SecretAccessKey = "gone-secret", Region = "us-east-1" };

        var ex = await Assert.ThrowsAsync<ResticBackendUnreachableException>(() =>
            ResticRepositoryReader.OpenAsync(gone, repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = TimeSpan.FromSeconds(5) }));

        Assert.True(ex.IsTransient);
        Assert.DoesNotContain("gone-secret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_stopped_under_an_open_reader_is_unreachable_and_the_secret_stays_out()
    {
        var stopped = new MotoServer();
        await stopped.InitializeAsync();
        S3Repository location;
        try
        {
            location = stopped.Repository("stopped");
            await S3Objects.UploadAsync(location, repository.Repository);
        }
        catch
        {
            await stopped.DisposeAsync();
            throw;
        }

        await using var reader = await ResticRepositoryReader.OpenAsync(location, repository.Password, new ResticRepositoryReaderOptions { RequestTimeout = TimeSpan.FromSeconds(5) });
        Assert.NotEmpty(await reader.GetSnapshotsAsync());
        await stopped.DisposeAsync();

        // The index is read on the first listing: the server is gone by then.
        var ex = await Assert.ThrowsAsync<ResticBackendUnreachableException>(async () => await reader.GetNodesAsync(SnapshotReference.Latest).ToListAsync());
        Assert.True(ex.IsTransient);
        Assert.DoesNotContain(location.SecretAccessKey!, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_storage_pages_listings_and_keeps_the_contract_of_the_base_class()
    {
        var location = moto.Repository("s3-storage", moto.AllowedKey) with { Prefix = "p/q" };
        await S3Objects.UploadAsync(location, repository.Repository);
        using var local = new LocalStorage(repository.Repository);

        // One key per page: every listing takes several pages, and finds what the local folder holds.
        using var s3 = new S3Storage(location, TimeSpan.FromSeconds(30)) { ListPageSize = 1 };
        foreach (var kind in new[] { FileKind.Key, FileKind.Snapshot, FileKind.Index })
        {
            var expected = (await local.ListAsync(kind, default)).Order(StringComparer.Ordinal);
            Assert.Equal(expected, (await s3.ListAsync(kind, default)).Order(StringComparer.Ordinal));
        }

        Assert.Equal(2, (await s3.ListAsync(FileKind.Snapshot, default)).Count);

        // Whole files up to the limit, not past it.
        var index = (await s3.ListAsync(FileKind.Index, default))[0];
        var whole = await local.ReadAllAsync(FileKind.Index, index, long.MaxValue, default);
        Assert.Equal(whole, await s3.ReadAllAsync(FileKind.Index, index, whole.Length, default));
        await Assert.ThrowsAsync<InvalidDataException>(() => s3.ReadAllAsync(FileKind.Index, index, whole.Length - 1, default));

        // Ranges; a range past the end is a short file.
        var part = new byte[10];
        await s3.ReadAsync(FileKind.Index, index, 5, part, default);
        Assert.Equal(whole.AsSpan(5, 10).ToArray(), part);
        await Assert.ThrowsAsync<EndOfStreamException>(() => s3.ReadAsync(FileKind.Index, index, whole.Length - 5, new byte[10], default));
        await Assert.ThrowsAsync<EndOfStreamException>(() => s3.ReadAsync(FileKind.Index, index, whole.Length + 5, new byte[10], default));

        // Missing files.
        var missing = new string('0', 64);
        await Assert.ThrowsAsync<FileNotFoundException>(() => s3.ReadAllAsync(FileKind.Snapshot, missing, 100, default));
        await Assert.ThrowsAsync<FileNotFoundException>(() => s3.ReadAsync(FileKind.Pack, missing, 0, new byte[1], default));
        Assert.Equal($"data/00/{missing}", s3.PathOf(FileKind.Pack, missing));
    }

    [Fact]
    public async Task A_disposed_storage_refuses_reads_and_releases_its_client()
    {
        var location = moto.Repository("s3-disposed", moto.AllowedKey);
        await S3Objects.UploadAsync(location, repository.Repository);
        var reader = await ResticRepositoryReader.OpenAsync(location, repository.Password);
        Assert.NotEmpty(await reader.GetSnapshotsAsync());
        reader.Dispose();
        reader.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => reader.GetConfigAsync());

        var storage = new S3Storage(location, TimeSpan.FromSeconds(30));
        storage.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => storage.ListAsync(FileKind.Snapshot, default));
    }
}
